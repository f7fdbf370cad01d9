import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import BountySubmission from '#models/bounty_submission'
import type User from '#models/user'
import reviewTarget from '#actions/bounties/review_target'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * Sends submitted work back (B3): the claim returns to IN_PROGRESS with the
 * reviewer's reason, and its stale clock restarts.
 */
export default class RequestChanges {
  static async handle(reviewer: User, bounty: Bounty, data: { reason: string; userId?: string }) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const claim = reviewTarget(locked, reviewer, data.userId)
      claim.requestChanges()
      await claim.useTransaction(trx).save()

      const submission = await BountySubmission.query({ client: trx })
        .where('claim_id', claim.id)
        .where('review', 'PENDING')
        .orderBy('created_at', 'desc')
        .first()
      if (submission) {
        submission.markChangesRequested(reviewer, data.reason)
        await submission.save()
      }

      locked.applyClaims()
      await locked.save()
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'changes_requested', reviewer, {
          claimId: claim.id,
          userId: claim.userId,
          reason: data.reason,
        })
      )
      return locked
    })
  }
}
