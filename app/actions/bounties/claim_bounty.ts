import type Bounty from '#models/bounty'
import type User from '#models/user'
import takeSlot from '#actions/bounties/take_slot'

/**
 * A member takes a slot on a bounty for themselves.
 */
export default class ClaimBounty {
  static handle(claimant: User, bounty: Bounty) {
    return takeSlot(bounty, claimant, null)
  }
}
