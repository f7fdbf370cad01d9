import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * The assignee gives their slot back (B3): the bounty is available again.
 */
export default class AbandonBounty {
  static async handle(assignee: User, bounty: Bounty) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const claim = locked.activeClaimOf(assignee)
      if (!claim) throw new DomainError('INVALID_TRANSITION', 'You are not working on this bounty')

      claim.abandon()
      await claim.useTransaction(trx).save()
      locked.applyClaims()
      await locked.save()
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'abandoned', assignee, {
          claimId: claim.id,
          userId: assignee.id,
          username: assignee.username,
        })
      )
      return locked
    })
  }
}
