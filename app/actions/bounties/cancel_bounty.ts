import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger from '#ledger/ledger'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import BountyEscrow from '#actions/bounties/escrow'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * The poster or a Leader calls a bounty off while nobody works on it (B3):
 * CANCELLED, and every slot not paid out returns from escrow (B4).
 */
export default class CancelBounty {
  static async handle(
    actor: User,
    bounty: Bounty,
    data: { reason?: string } = {},
    context: { ip?: string | null } = {}
  ) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const before = locked.status
      const refunded = await CancelBounty.cancelLocked(trx, locked, actor, data.reason ?? null)
      if (actor.isAdmin && !locked.isPostedBy(actor)) {
        await AuditLog.record(
          { user: actor, ip: context.ip ?? null },
          {
            action: 'bounty.cancelled',
            subject: { type: 'bounty', id: locked.id },
            data: {
              before: { status: before },
              after: { status: locked.status },
              reason: data.reason ?? null,
              refunded: refunded.toString(),
            },
          },
          trx
        )
      }
      return locked
    })
  }

  /**
   * Cancels a bounty locked in `trx`; `actor` is null when the deadline
   * did it. Returns what went back to the poster.
   */
  static async cancelLocked(
    trx: TransactionClientContract,
    bounty: Bounty,
    actor: User | null,
    reason: string | null
  ) {
    bounty.cancel()
    await bounty.useTransaction(trx).save()
    await AnnounceBountyEvent.handle(
      trx,
      bounty,
      await BountyEvent.record(trx, bounty.id, actor ? 'cancelled' : 'expired', actor, { reason })
    )
    return BountyEscrow.refund(trx, bounty, actor, actor ? 'cancelled' : 'deadline passed')
  }
}
