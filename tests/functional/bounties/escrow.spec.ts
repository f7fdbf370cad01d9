import { test } from '@japa/runner'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import Transaction from '#models/transaction'
import ApproveWork from '#actions/bounties/approve_work'
import CancelBounty from '#actions/bounties/cancel_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import DeleteBounty from '#actions/bounties/delete_bounty'
import PublishBounty from '#actions/bounties/publish_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import UpdateBounty from '#actions/bounties/update_bounty'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'

test.group('Bounty escrow', (group) => {
  truncateEachTest(group)

  test('publishing holds the reward from the poster’s wallet in the bounty’s escrow', async ({
    assert,
  }) => {
    const poster = await funded('250.00')

    const bounty = await postBounty(poster, { bountyAmount: Money.parse('100.00') })

    assert.deepEqual(await balancesOf(poster), { balance: '150.00', held: '100.00' })
    assert.equal(bounty.status, 'AVAILABLE')
    assert.isFalse(bounty.isDraft)
    assert.isNotNull(bounty.escrowHoldId)
    const spend = await Transaction.findByOrFail('bounty_id', bounty.id)
    assert.equal(spend.type, 'SPEND')
    assert.equal(spend.amount.toString(), '100.00')
    assert.equal(spend.balanceBefore.toString(), '250.00')
    assert.equal(spend.balanceAfter.toString(), '150.00')
    const events = await BountyEvent.query().where('bounty_id', bounty.id).orderBy('id')
    const types = events.map((event) => event.type)
    assert.deepEqual(types, ['created', 'funded', 'published'])
    await assertLedgerClean(assert)
  })

  test('a multi-slot bounty escrows the reward for every slot', async ({ assert }) => {
    const poster = await funded('500.00')

    await postBounty(poster, { bountyAmount: Money.parse('120.50'), maxCompletions: 3 })

    assert.deepEqual(await balancesOf(poster), { balance: '138.50', held: '361.50' })
    await assertLedgerClean(assert)
  })

  test('without enough funds nothing is written, not even the bounty', async ({ assert }) => {
    const poster = await funded('99.99')

    await assert.rejects(
      () => postBounty(poster, { bountyAmount: Money.parse('100.00') }),
      /Your wallet cannot cover the reward/
    )

    assert.lengthOf(await Bounty.all(), 0)
    assert.lengthOf(await BountyEvent.all(), 0)
    assert.deepEqual(await balancesOf(poster), { balance: '99.99', held: '0.00' })
    await assertLedgerClean(assert)
  })

  test('the refusal is INSUFFICIENT_FUNDS on bountyAmount', async ({ assert }) => {
    const poster = await funded('10.00')
    try {
      await postBounty(poster, { maxCompletions: 2, bountyAmount: Money.parse('6.00') })
      assert.fail('expected a refusal')
    } catch (error) {
      assert.equal(error.code, 'INSUFFICIENT_FUNDS')
      assert.equal(error.field, 'bountyAmount')
      assert.equal(error.status, 409)
    }
  })

  test('a draft escrows nothing until it is published', async ({ assert }) => {
    const poster = await funded('100.00')

    const draft = await postBounty(poster, { draft: true })
    assert.isTrue(draft.isDraft)
    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })

    const published = await PublishBounty.handle(poster, draft)
    assert.isFalse(published.isDraft)
    assert.isNotNull(published.publishedAt)
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '100.00' })
    await assertLedgerClean(assert)
  })

  test('approving pays the assignee at once from escrow', async ({ assert }) => {
    const poster = await funded('100.00')
    const assignee = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(assignee, bounty)
    await SubmitWork.handle(assignee, bounty, { note: 'Done' })

    const approved = await ApproveWork.handle(poster, bounty)

    assert.equal(approved.status, 'COMPLETED')
    assert.isNotNull(approved.completedAt)
    assert.deepEqual(await balancesOf(assignee), { balance: '100.00', held: '0.00' })
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '0.00' })
    const earn = await Transaction.query().where('user_id', assignee.id).firstOrFail()
    assert.equal(earn.type, 'EARN')
    assert.equal(earn.bountyId, bounty.id)
    assert.equal(earn.balanceAfter.toString(), '100.00')
    await assertLedgerClean(assert)
  })

  test('cancelling refunds the whole escrow to the poster', async ({ assert }) => {
    const poster = await funded('300.00')
    const bounty = await postBounty(poster, {
      bountyAmount: Money.parse('100.00'),
      maxCompletions: 2,
    })

    const cancelled = await CancelBounty.handle(poster, bounty, { reason: 'Not needed' })

    assert.equal(cancelled.status, 'CANCELLED')
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '0.00' })
    const refund = await Transaction.query()
      .where('user_id', poster.id)
      .where('type', 'EARN')
      .firstOrFail()
    assert.equal(refund.amount.toString(), '200.00')
    assert.equal(refund.metadata.kind, 'bounty_refund')
    await assertLedgerClean(assert)
  })

  test('cancelling a multi-slot bounty refunds only the slots not paid out', async ({ assert }) => {
    const poster = await funded('300.00')
    const worker = await member()
    const bounty = await postBounty(poster, {
      bountyAmount: Money.parse('100.00'),
      maxCompletions: 3,
    })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'One done' })
    await ApproveWork.handle(poster, bounty)

    await CancelBounty.handle(poster, bounty)

    assert.deepEqual(await balancesOf(worker), { balance: '100.00', held: '0.00' })
    assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '0.00' })
    await assertLedgerClean(assert)
  })

  test('a new reward swaps the escrow; the wallet must cover it', async ({ assert }) => {
    const poster = await funded('250.00')
    const bounty = await postBounty(poster, { bountyAmount: Money.parse('100.00') })

    await UpdateBounty.handle(poster, bounty, { bountyAmount: Money.parse('200.00') })
    assert.deepEqual(await balancesOf(poster), { balance: '50.00', held: '200.00' })

    await assert.rejects(
      () => UpdateBounty.handle(poster, bounty, { maxCompletions: 2 }),
      /cannot cover the reward/
    )
    assert.deepEqual(await balancesOf(poster), { balance: '50.00', held: '200.00' })
    const reloaded = await Bounty.findOrFail(bounty.id)
    assert.equal(reloaded.maxCompletions, 1)
    assert.equal(reloaded.bountyAmount.toString(), '200.00')
    await assertLedgerClean(assert)
  })

  test('deleting an unclaimed bounty refunds it and hides it; a draft disappears', async ({
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const draft = await postBounty(poster, { draft: true })

    await DeleteBounty.handle(poster, bounty)
    await DeleteBounty.handle(poster, draft)

    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })
    const hidden = await Bounty.findOrFail(bounty.id)
    assert.isNotNull(hidden.deletedAt)
    assert.isNull(await Bounty.find(draft.id))
    await assertLedgerClean(assert)
  })
})
