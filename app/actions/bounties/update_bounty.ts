import type { Infer } from '@vinejs/vine/types'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import User from '#models/user'
import type { updateBountyValidator } from '#validators/bounty'
import BountyEscrow from '#actions/bounties/escrow'
import PublishBounty from '#actions/bounties/publish_bounty'
import { categoryId, syncTags } from '#actions/bounties/create_bounty'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

export type UpdateBountyData = Infer<typeof updateBountyValidator>

/**
 * Edits a bounty while nobody works on it (B3). A new reward or number of
 * slots on a published bounty swaps its escrow (the old amount returns, the
 * new one is held) and is only the poster's to make, before any payout.
 * `draft: false` publishes a draft.
 */
export default class UpdateBounty {
  static async handle(
    actor: User,
    bounty: Bounty,
    data: UpdateBountyData,
    context: { ip?: string | null } = {}
  ) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      if (locked.isPublished) {
        locked.assertOpen()
        locked.assertIdle('edited')
        if (data.draft === true) {
          throw new DomainError(
            'INVALID_TRANSITION',
            'A published bounty cannot become a draft again',
            {
              field: 'draft',
            }
          )
        }
      }

      const rewardChanges =
        (data.bountyAmount !== undefined && !data.bountyAmount.equals(locked.bountyAmount)) ||
        (data.maxCompletions !== undefined && data.maxCompletions !== locked.maxCompletions)
      const reEscrow = rewardChanges && locked.isPublished
      if (reEscrow) assertMayChangeReward(actor, locked)
      if (reEscrow) await BountyEscrow.refund(trx, locked, actor, 'reward changed')

      const changed = applyChanges(locked, data)
      if (data.category !== undefined) locked.categoryId = await categoryId(trx, data.category)
      await locked.save()
      if (data.tags) await syncTags(trx, locked, data.tags)

      if (reEscrow) {
        const poster = await User.findOrFail(locked.createdBy, { client: trx })
        await BountyEscrow.fund(trx, locked, poster)
        await locked.save()
      }
      const fields = [
        ...changed,
        ...(data.tags ? ['tags'] : []),
        ...(data.category !== undefined ? ['category'] : []),
      ]
      if (fields.length)
        await AnnounceBountyEvent.handle(
          trx,
          locked,
          await BountyEvent.record(trx, locked.id, 'updated', actor, { fields })
        )
      if (actor.isAdmin && !locked.isPostedBy(actor)) {
        await AuditLog.record(
          { user: actor, ip: context.ip ?? null },
          { action: 'bounty.update', subject: { type: 'bounty', id: locked.id }, data: { fields } },
          trx
        )
      }

      if (data.draft === false && locked.isDraft) {
        const poster = await User.findOrFail(locked.createdBy, { client: trx })
        await PublishBounty.publishLocked(trx, locked, poster)
      }
      return locked
    })
  }
}

function assertMayChangeReward(actor: User, bounty: Bounty) {
  if (!bounty.isPostedBy(actor)) {
    throw new DomainError('FORBIDDEN', 'Only the poster can change the reward of their bounty', {
      field: 'bountyAmount',
    })
  }
  if (bounty.hasPaidWork) {
    throw new DomainError('INVALID_TRANSITION', 'The reward cannot change after a payout', {
      field: 'bountyAmount',
    })
  }
}

const EDITABLE = [
  'title',
  'description',
  'bountyAmount',
  'estimatedHours',
  'deadline',
  'priority',
  'maxCompletions',
  'claimWindowDays',
  'teamId',
] as const

/**
 * Copies the fields that were sent and names those that really changed.
 */
function applyChanges(bounty: Bounty, data: UpdateBountyData) {
  for (const field of EDITABLE) {
    if (data[field] !== undefined) bounty.merge({ [field]: data[field] })
  }
  return EDITABLE.filter((field) => field in bounty.$dirty)
}
