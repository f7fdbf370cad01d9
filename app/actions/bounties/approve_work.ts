import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import BountySubmission from '#models/bounty_submission'
import User from '#models/user'
import BountyEscrow from '#actions/bounties/escrow'
import reviewTarget from '#actions/bounties/review_target'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'
import { broadcastLeaderboardUpdated } from '#services/broadcast'

/**
 * Accepts submitted work (B3): the claim completes and escrow pays its
 * reward to the claimant at once. Approving twice (a double click, two
 * reviewers at once) finds the claim already completed under the row lock
 * and pays nothing more. The payout moves the member totals, so once it
 * commits open leaderboards hear of it.
 */
export default class ApproveWork {
  static async handle(reviewer: User, bounty: Bounty, data: { userId?: string } = {}) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const claim = reviewTarget(locked, reviewer, data.userId)
      claim.assertCan('approve')

      const claimant = await User.findOrFail(claim.userId, { client: trx })
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'approved', reviewer, {
          claimId: claim.id,
          userId: claimant.id,
          username: claimant.username,
          amount: locked.bountyAmount.toString(),
        })
      )
      const payoutEntryId = await BountyEscrow.pay(trx, locked, claim, claimant, reviewer)
      claim.approve(payoutEntryId)
      await claim.useTransaction(trx).save()

      const submission = await BountySubmission.query({ client: trx })
        .where('claim_id', claim.id)
        .where('review', 'PENDING')
        .orderBy('created_at', 'desc')
        .first()
      if (submission) {
        submission.markApproved(reviewer)
        await submission.save()
      }

      locked.applyClaims()
      await locked.save()
      trx.after('commit', broadcastLeaderboardUpdated)
      return locked
    })
  }
}
