import { DateTime } from 'luxon'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * The one way work starts (B3, B4): `claimant` takes a slot, by claiming it
 * or being assigned by `assignedBy`. The bounty row is locked first and the
 * slot check made again under the lock, so of many simultaneous attempts on
 * the last slot exactly one wins; the others get ALREADY_CLAIMED.
 */
export default async function takeSlot(bounty: Bounty, claimant: User, assignedBy: User | null) {
  return Ledger.transaction(async (trx) => {
    const locked = await Bounty.lockForUpdate(trx, bounty.id)
    locked.assertClaimableBy(claimant)

    const claim = await BountyClaim.create(
      {
        bountyId: locked.id,
        userId: claimant.id,
        assignedById: assignedBy?.id ?? null,
        status: 'IN_PROGRESS',
        lastActivityAt: DateTime.now(),
      },
      { client: trx }
    )
    locked.$pushRelated('liveClaims', claim)
    locked.applyClaims()
    await locked.save()

    const data = { claimId: claim.id, userId: claimant.id, username: claimant.username }
    if (assignedBy) {
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'assigned', assignedBy, data)
      )
    } else {
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'claimed', claimant, data)
      )
    }
    await locked.watch(claimant, trx)
    return locked
  })
}
