import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger from '#ledger/ledger'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import BountyEscrow from '#actions/bounties/escrow'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * The poster calls a bounty off while nobody works on it (B3): CANCELLED,
 * and every slot not paid out returns from escrow (B4). A Leader may also
 * cancel one that is worked on (I3): the claims still open end first
 * (CANCELLED, their workers told), work already paid stays paid.
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
      const ended = actor.isAdmin ? await CancelBounty.endClaims(trx, locked) : []
      const refunded = await CancelBounty.cancelLocked(
        trx,
        locked,
        actor,
        data.reason ?? null,
        ended
      )
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
              endedClaimsOf: ended,
            },
          },
          trx
        )
      }
      return locked
    })
  }

  /**
   * Ends the claims still open on a bounty locked in `trx`; returns their
   * members' ids.
   */
  static async endClaims(trx: TransactionClientContract, bounty: Bounty) {
    const open = bounty.activeClaims
    for (const claim of open) {
      claim.cancel()
      await claim.useTransaction(trx).save()
    }
    return open.map((claim) => claim.userId)
  }

  /**
   * Cancels a bounty locked in `trx`; `actor` is null when the deadline
   * did it. Returns what went back to the poster.
   */
  static async cancelLocked(
    trx: TransactionClientContract,
    bounty: Bounty,
    actor: User | null,
    reason: string | null,
    endedClaimsOf: string[] = []
  ) {
    bounty.cancel()
    await bounty.useTransaction(trx).save()
    const data = endedClaimsOf.length ? { reason, endedClaimsOf } : { reason }
    await AnnounceBountyEvent.handle(
      trx,
      bounty,
      await BountyEvent.record(trx, bounty.id, actor ? 'cancelled' : 'expired', actor, data)
    )
    return BountyEscrow.refund(trx, bounty, actor, actor ? 'cancelled' : 'deadline passed')
  }
}
