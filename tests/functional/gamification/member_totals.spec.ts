import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import MemberTotals, { ALL_TIME_START } from '#gamification/member_totals'
import { truncateEachTest } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import type User from '#models/user'
import type { BountyPriority } from '#enums/bounty'

async function complete(poster: User, worker: User, amount: string, priority: BountyPriority) {
  const bounty = await postBounty(poster, { bountyAmount: Money.parse(amount), priority })
  await ClaimBounty.handle(worker, bounty)
  await SubmitWork.handle(worker, bounty, { note: 'Done' })
  await ApproveWork.handle(poster, bounty)
}

function totalsRows() {
  return db
    .from('member_totals')
    .select(
      'period',
      db.raw('period_start::text AS period_start'),
      'user_id',
      'completions',
      'points'
    )
    .select(db.raw('earnings::text AS earnings'))
    .orderBy(['period', 'period_start', 'user_id'])
}

test.group('Member totals', (group) => {
  truncateEachTest(group)

  test('a paid completion counts in the week, month and all-time totals', async ({ assert }) => {
    const poster = await funded('500.00')
    const worker = await member()
    assert.lengthOf(await totalsRows(), 0)

    await complete(poster, worker, '40.50', 'HIGH')
    await complete(poster, worker, '10.00', 'LOW')

    const rows = await totalsRows()
    assert.deepEqual(
      rows.map((row) => row.period),
      ['WEEK', 'MONTH', 'ALL']
    )
    for (const row of rows) {
      assert.deepInclude(row, { user_id: worker.id, completions: 2, earnings: '50.50', points: 95 })
    }
    assert.equal(rows[2].period_start, ALL_TIME_START)
    assert.equal(await MemberTotals.pointsOf(worker.id), 95)
    assert.equal(await MemberTotals.pointsOf(poster.id), 0)
  })

  test('rebuilding from the ledger lands on the totals kept as payouts happened', async ({
    assert,
  }) => {
    const poster = await funded('900.00')
    const [ann, bob] = [await member(), await member()]
    await complete(poster, ann, '25.00', 'CRITICAL')
    await complete(poster, bob, '99.99', 'MEDIUM')
    await complete(poster, ann, '5.00', 'LOW')
    const incremental = await totalsRows()

    const counted = await db.transaction((trx) => MemberTotals.rebuild(trx))

    assert.equal(counted, 3)
    assert.deepEqual(await totalsRows(), incremental)
  })
})
