import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountyEvent from '#models/bounty_event'
import Transaction from '#models/transaction'
import BountiesExpire from '#commands/bounties_expire'
import AddComment from '#actions/bounties/add_comment'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'

async function runExpire(args: string[] = []) {
  const command = await ace.create(BountiesExpire, args)
  command.ui.switchMode('raw')
  await command.exec()
  command.assertSucceeded()
  return command
}

function overdue(bounty: Bounty) {
  return db
    .from('bounties')
    .where('id', bounty.id)
    .update({ deadline: new Date(Date.now() - 60_000) })
}

function silentFor(claim: BountyClaim | string, days: number, column = 'last_activity_at') {
  const id = typeof claim === 'string' ? claim : claim.id
  return db
    .from('bounty_claims')
    .where('id', id)
    .update({ [column]: new Date(Date.now() - days * 86_400_000) })
}

async function statusOf(bounty: Bounty) {
  const current = await Bounty.findOrFail(bounty.id)
  return current.status
}

async function claimNow(claim: BountyClaim) {
  return BountyClaim.findOrFail(claim.id)
}

async function eventTypes(bounty: Bounty) {
  const events = await BountyEvent.query().where('bounty_id', bounty.id).orderBy('id')
  return events.map((event) => event.type)
}

test.group('node ace bounties:expire — deadlines', (group) => {
  truncateEachTest(group)

  test('cancels and refunds available bounties past their deadline, and nothing else', async ({
    assert,
  }) => {
    const poster = await funded('1000.00')
    const late = await postBounty(poster, { maxCompletions: 2 })
    const onTime = await postBounty(poster)
    const worked = await postBounty(poster)
    const draft = await postBounty(poster, { draft: true })
    await ClaimBounty.handle(await member(), worked)
    await Promise.all([late, worked, draft].map(overdue))

    const command = await runExpire(['--skip-claims'])

    assert.equal(await statusOf(late), 'CANCELLED')
    assert.equal(await statusOf(onTime), 'AVAILABLE')
    assert.equal(await statusOf(worked), 'IN_PROGRESS')
    const stillDraft = await Bounty.findOrFail(draft.id)
    assert.isTrue(stillDraft.isDraft)
    assert.deepEqual(await balancesOf(poster), { balance: '800.00', held: '200.00' })
    assert.includeMembers(await eventTypes(late), ['expired', 'refunded'])
    const expired = await BountyEvent.query()
      .where('bounty_id', late.id)
      .where('type', 'expired')
      .firstOrFail()
    assert.isNull(expired.actorId)
    command.assertLog('[ blue(info) ] Overdue bounties cancelled and refunded: 1')
    await assertLedgerClean(assert)
  })

  test('a multi-slot bounty past its deadline waits for the people still working on it', async ({
    assert,
  }) => {
    const poster = await funded('300.00')
    const bounty = await postBounty(poster, { maxCompletions: 3 })
    await ClaimBounty.handle(await member(), bounty)
    await overdue(bounty)

    await runExpire(['--skip-claims'])

    assert.equal(await statusOf(bounty), 'AVAILABLE')
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '300.00' })
  })

  test('two runs at once refund each overdue bounty exactly once', async ({ assert }) => {
    const poster = await funded('1000.00')
    const bounties = []
    for (let index = 0; index < 12; index++) {
      bounties.push(await postBounty(poster, { bountyAmount: Money.parse('50.00') }))
    }
    await Promise.all(bounties.map(overdue))

    await Promise.all([runExpire(), runExpire(), runExpire()])

    const refunds = await Transaction.query()
      .where('user_id', poster.id)
      .where('type', 'EARN')
      .whereRaw(`metadata->>'kind' = 'bounty_refund'`)
    assert.lengthOf(refunds, 12)
    assert.deepEqual(await balancesOf(poster), { balance: '1000.00', held: '0.00' })
    const expiredEvents = await BountyEvent.query().where('type', 'expired')
    assert.lengthOf(expiredEvents, 12)
    await assertLedgerClean(assert)

    await runExpire()
    assert.deepEqual(await balancesOf(poster), { balance: '1000.00', held: '0.00' })
    assert.lengthOf(await BountyEvent.query().where('type', 'expired'), 12)
  })
})

test.group('node ace bounties:expire — stale claims (K2)', (group) => {
  truncateEachTest(group)

  test('a claim silent for the claim window is nudged once, then expires after the grace', async ({
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster, { claimWindowDays: 5 })
    await ClaimBounty.handle(worker, bounty)
    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)

    await silentFor(claim, 4)
    await runExpire()
    const quiet = await claimNow(claim)
    assert.isNull(quiet.nudgedAt)

    await silentFor(claim, 6)
    await Promise.all([runExpire(), runExpire()])
    const nudged = await BountyClaim.findOrFail(claim.id)
    assert.isNotNull(nudged.nudgedAt)
    assert.equal(nudged.status, 'IN_PROGRESS')
    assert.lengthOf(await BountyEvent.query().where('type', 'nudged'), 1)

    await runExpire()
    const graced = await claimNow(claim)
    assert.equal(graced.status, 'IN_PROGRESS')

    await silentFor(claim, 4, 'nudged_at')
    await runExpire()
    const expired = await BountyClaim.findOrFail(claim.id)
    assert.equal(expired.status, 'EXPIRED')
    const reloaded = await Bounty.findOrFail(bounty.id)
    assert.equal(reloaded.status, 'AVAILABLE')
    assert.isNull(reloaded.assignedTo)
    assert.includeMembers(await eventTypes(bounty), ['nudged', 'claim_expired'])
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '100.00' })
    await assertLedgerClean(assert)
  })

  test('activity after the nudge restarts the clock', async ({ assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster, { claimWindowDays: 2 })
    await ClaimBounty.handle(worker, bounty)
    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)
    await silentFor(claim, 3)
    await runExpire()
    const nudged = await claimNow(claim)
    assert.isNotNull(nudged.nudgedAt)

    await AddComment.handle(worker, bounty, { content: 'Still on it!' })
    const touched = await claimNow(claim)
    assert.isNull(touched.nudgedAt)
    await runExpire()

    const active = await BountyClaim.findOrFail(claim.id)
    assert.equal(active.status, 'IN_PROGRESS')
    assert.isNull(active.nudgedAt)
  })

  test('work awaiting review never goes stale', async ({ assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster, { claimWindowDays: 1 })
    await ClaimBounty.handle(worker, bounty)
    await db.from('bounty_claims').where('bounty_id', bounty.id).update({ status: 'REVIEW' })
    await db
      .from('bounty_claims')
      .where('bounty_id', bounty.id)
      .update({ last_activity_at: new Date(Date.now() - 30 * 86_400_000) })

    await runExpire()

    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)
    assert.isNull(claim.nudgedAt)
    assert.equal(claim.status, 'REVIEW')
  })
})
