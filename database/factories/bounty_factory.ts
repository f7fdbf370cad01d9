import router from '@adonisjs/core/services/router'
import factory from '@adonisjs/lucid/factories'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import User from '#models/user'
import PublishBounty from '#actions/bounties/publish_bounty'
import CancelBounty from '#actions/bounties/cancel_bounty'
import { UserFactory } from '#database/factories/user_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { TagFactory } from '#database/factories/tag_factory'
import { BountyClaimFactory } from '#database/factories/bounty_claim_factory'
import { BountySubmissionFactory } from '#database/factories/bounty_submission_factory'
import { BountyCommentFactory } from '#database/factories/bounty_comment_factory'
import { BountyEventFactory } from '#database/factories/bounty_event_factory'
import { AttachmentFactory } from '#database/factories/attachment_factory'
import { TransactionFactory } from '#database/factories/transaction_factory'

type FundedStage = 'available' | 'inProgress' | 'review' | 'cancelled'

/**
 * The funded stage each bounty was asked for, acted on once its row exists.
 */
const stages = new WeakMap<Bounty, FundedStage>()

/**
 * A draft (no escrow, so no money moves) by a fresh verified member unless
 * `createdBy` is given. States: `draft`, `highPriority`, `multiSlot` (3
 * slots), and, on create(), the published ones a funded escrow must back
 * for `ledger:verify` to stay clean: `available` deposits reward × slots to
 * the poster and publishes (PublishBounty's step: escrow hold, events,
 * notifications); `cancelled` then cancels (CancelBounty's step: refund);
 * `inProgress` and `review` then add a claim (and a submission) through
 * their factories, which move the bounty's status but write no claim event.
 *
 * Only the steps that take the factory's transaction can be used here:
 * ClaimBounty, ApproveWork and the like open their own, which knex starts
 * only once the factory's has ended, so they would wait forever. Hence no
 * `completed` state (a payout is ApproveWork's): call ApproveWork on a
 * `review` bounty after create().
 */
export const BountyFactory = factory
  .define(Bounty, ({ faker }) => ({
    title: faker.hacker.phrase().slice(0, 200),
    description: `${faker.lorem.sentence()}\n\n**${faker.lorem.sentence()}**`,
    bountyAmount: Money.parse(faker.number.int({ min: 5, max: 500 })),
    estimatedHours: faker.number.int({ min: 1, max: 40 }),
    deadline: null,
    priority: 'MEDIUM' as const,
    maxCompletions: 1,
    claimWindowDays: 7,
    teamId: null,
    status: 'AVAILABLE' as const,
    isDraft: true,
  }))
  .state('draft', (bounty) => {
    stages.delete(bounty)
  })
  .state('available', (bounty) => {
    stages.set(bounty, 'available')
  })
  .state('inProgress', (bounty) => {
    stages.set(bounty, 'inProgress')
  })
  .state('review', (bounty) => {
    stages.set(bounty, 'review')
  })
  .state('cancelled', (bounty) => {
    stages.set(bounty, 'cancelled')
  })
  .state('highPriority', (bounty) => {
    bounty.priority = 'HIGH'
  })
  .state('multiSlot', (bounty) => {
    bounty.maxCompletions = 3
  })
  .relation('category', () => CategoryFactory)
  .relation('tags', () => TagFactory)
  .relation('comments', () => BountyCommentFactory)
  .relation('events', () => BountyEventFactory)
  .relation('attachments', () => AttachmentFactory)
  .before('create', async (_, bounty, { $trx }) => {
    if (bounty.createdBy) return
    const poster = await UserFactory.client($trx!).apply('verified').create()
    bounty.createdBy = poster.id
  })
  .after('create', async (_, bounty, { $trx }) => {
    const stage = stages.get(bounty)
    if (!stage) return
    const trx = $trx!
    // Publishing notifies with links built from named routes; outside the
    // HTTP server (unit tests, seeders) nothing has committed them yet.
    router.commit()
    const poster = await User.findOrFail(bounty.createdBy, { client: trx })
    await TransactionFactory.client(trx)
      .merge({ userId: poster.id, amount: bounty.escrowAmount })
      .create()
    await PublishBounty.publishLocked(trx, bounty, poster)

    if (stage === 'cancelled') {
      await bounty.load('liveClaims')
      await CancelBounty.cancelLocked(trx, bounty, poster, 'Cancelled by the factory')
    } else if (stage === 'inProgress') {
      await BountyClaimFactory.client(trx).merge({ bountyId: bounty.id }).create()
    } else if (stage === 'review') {
      await BountySubmissionFactory.client(trx).merge({ bountyId: bounty.id }).create()
    }
    await bounty.refresh()
  })
  .build()
