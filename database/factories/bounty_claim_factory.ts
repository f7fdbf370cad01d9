import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { BountyFactory } from '#database/factories/bounty_factory'
import { BountySubmissionFactory } from '#database/factories/bounty_submission_factory'

/**
 * A fresh verified member's claim, in progress, on a new published bounty
 * unless `bountyId` / `userId` are given. The bounty must be claimable by
 * them (`assertClaimableBy`), and its status follows the claims afterwards
 * (`applyClaims`), as ClaimBounty leaves it. States: `review`, `stale`,
 * `abandoned`, `expired`. No `completed`: its payout entry comes only from
 * ApproveWork capturing the escrow.
 */
export const BountyClaimFactory = factory
  .define(BountyClaim, () => ({
    status: 'IN_PROGRESS' as const,
    assignedById: null,
    lastActivityAt: DateTime.now(),
  }))
  .state('review', (claim) => {
    claim.status = 'REVIEW'
    claim.submittedAt = DateTime.now()
  })
  .state('stale', (claim) => {
    claim.lastActivityAt = DateTime.now().minus({ days: 30 })
  })
  .state('abandoned', (claim) => {
    claim.status = 'ABANDONED'
    claim.endedAt = DateTime.now()
  })
  .state('expired', (claim) => {
    claim.status = 'EXPIRED'
    claim.endedAt = DateTime.now()
  })
  .relation('submissions', () => BountySubmissionFactory)
  .before('create', async (_, claim, { $trx }) => {
    const trx = $trx!
    if (!claim.bountyId) {
      const published = await BountyFactory.client(trx).apply('available').create()
      claim.bountyId = published.id
    }
    const claimant = claim.userId
      ? await User.findOrFail(claim.userId, { client: trx })
      : await UserFactory.client(trx).apply('verified').create()
    claim.userId = claimant.id
    const bounty = await Bounty.findOrFail(claim.bountyId, { client: trx })
    await bounty.load('liveClaims')
    bounty.assertClaimableBy(claimant)
  })
  .after('create', async (_, claim, { $trx }) => {
    const bounty = await Bounty.findOrFail(claim.bountyId, { client: $trx })
    await bounty.load('liveClaims')
    bounty.applyClaims()
    await bounty.save()
  })
  .build()
