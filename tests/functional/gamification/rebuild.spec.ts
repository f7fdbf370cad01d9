import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import SubmitCheckIn from '#actions/checkins/submit_check_in'
import SendTip from '#actions/wallet/send_tip'
import Badges from '#gamification/badges'
import GamificationRebuild from '#commands/gamification_rebuild'
import { truncateEachTest } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { teamOf } from '#tests/helpers/teams'
import type User from '#models/user'

async function complete(poster: User, worker: User, amount: string) {
  const bounty = await postBounty(poster, { bountyAmount: Money.parse(amount), priority: 'HIGH' })
  await ClaimBounty.handle(worker, bounty)
  await SubmitWork.handle(worker, bounty, { note: 'Done' })
  await ApproveWork.handle(poster, bounty)
}

/**
 * Everything gamification derives, in a stable order.
 */
async function derived() {
  const [totals, weeks, badges] = await Promise.all([
    db.rawQuery(
      `SELECT period, period_start::text, user_id, earnings::text, completions, points
         FROM member_totals ORDER BY 1, 2, 3`
    ),
    db.rawQuery(`SELECT user_id, week_start::text, first_at FROM activity_weeks ORDER BY 1, 2`),
    db.rawQuery(
      `SELECT user_id, badge_id, awarded_at, granted_by FROM member_badges ORDER BY 1, 2`
    ),
  ])
  return { totals: totals.rows, weeks: weeks.rows, badges: badges.rows }
}

test.group('gamification:rebuild', (group) => {
  truncateEachTest(group)

  test('recomputing from history lands on what was kept as things happened', async ({ assert }) => {
    const [poster, ann, bob] = [await funded('900.00'), await member(), await member()]
    const team = await teamOf([ann, bob])
    await complete(poster, ann, '25.00')
    await complete(poster, bob, '40.50')
    await complete(poster, ann, '5.00')
    await SendTip.handle(ann, { to: { toUserId: bob.id }, amount: Money.parse('1.00') })
    await SubmitCheckIn.handle(bob, team, { productive: 8, satisfied: 7, body: 6, care: 2 })
    const admin = await member('admin')
    const manual = await db
      .table('badges')
      .insert({ code: 'helper', name: 'Helper', description: 'Helped.' })
      .returning('id')
    await db.table('member_badges').insert({
      user_id: ann.id,
      badge_id: manual[0].id,
      awarded_at: new Date(),
      granted_by: admin.id,
    })
    const incremental = await derived()
    assert.isAbove(incremental.badges.length, 5)

    await db.rawQuery('DELETE FROM activity_weeks')
    await db.rawQuery(`DELETE FROM member_badges WHERE granted_by IS NULL`)
    const notices = await db.from('notifications').count('* as total')
    const command = await ace.create(GamificationRebuild, [])
    command.ui.switchMode('raw')
    await command.exec()

    command.assertSucceeded()
    command.assertLogMatches(/Rebuilt from 3 paid completions/)
    assert.deepEqual(await derived(), incremental)
    assert.deepEqual(await db.from('notifications').count('* as total'), notices)
    const held = await Badges.of(ann.id)
    assert.includeMembers(
      held.map(({ code }) => code),
      ['first_completion', 'first_tip', 'helper']
    )
    await db.from('badges').where('code', 'helper').delete()
  })
})
