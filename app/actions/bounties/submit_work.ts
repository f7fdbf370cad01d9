import type { Infer } from '@vinejs/vine/types'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import Attachment from '#models/attachment'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import BountySubmission from '#models/bounty_submission'
import type User from '#models/user'
import type { submitWorkValidator } from '#validators/bounty'
import { renderMarkdown } from '#services/markdown'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

export type SubmitWorkData = Infer<typeof submitWorkValidator>

/**
 * The assignee delivers (B3): a note and files they uploaded beforehand.
 * Their claim goes to REVIEW; the files now belong to the submission.
 */
export default class SubmitWork {
  static async handle(assignee: User, bounty: Bounty, data: SubmitWorkData) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const claim = locked.activeClaimOf(assignee)
      if (!claim) throw new DomainError('INVALID_TRANSITION', 'You are not working on this bounty')
      claim.submit()

      const ids = data.attachmentIds ?? []
      const files = ids.length
        ? await Attachment.query({ client: trx })
            .whereIn('id', ids)
            .where('user_id', assignee.id)
            .whereNull('bounty_id')
            .forUpdate()
        : []
      if (files.length !== ids.length) {
        throw new DomainError(
          'NOT_FOUND',
          'Attach files you uploaded and have not used elsewhere yet',
          { field: 'attachmentIds' }
        )
      }

      await claim.useTransaction(trx).save()
      const submission = await BountySubmission.create(
        {
          claimId: claim.id,
          bountyId: locked.id,
          userId: assignee.id,
          note: data.note,
          noteHtml: renderMarkdown(data.note),
          review: 'PENDING',
        },
        { client: trx }
      )
      if (ids.length) {
        await Attachment.query({ client: trx })
          .whereIn('id', ids)
          .update({ submission_id: submission.id, bounty_id: locked.id })
      }

      locked.applyClaims()
      await locked.save()
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'submitted', assignee, {
          claimId: claim.id,
          submissionId: submission.id,
          userId: assignee.id,
          username: assignee.username,
          attachments: ids.length,
        })
      )
      return locked
    })
  }
}
