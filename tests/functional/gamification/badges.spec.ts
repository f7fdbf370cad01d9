import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import SubmitCheckIn from '#actions/checkins/submit_check_in'
import SendTip from '#actions/wallet/send_tip'
import Achievements from '#gamification/achievements'
import { truncateEachTest } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { teamOf } from '#tests/helpers/teams'
import type User from '#models/user'

async function submitted(poster: User, worker: User) {
  const bounty = await postBounty(poster, { bountyAmount: Money.parse('10.00') })
  await ClaimBounty.handle(worker, bounty)
  await SubmitWork.handle(worker, bounty, { note: 'Done' })
  return bounty
}

async function complete(poster: User, worker: User) {
  await ApproveWork.handle(poster, await submitted(poster, worker))
}

async function badgesOf(user: User) {
  const rows = await db
    .from('member_badges')
    .join('badges', 'badges.id', 'member_badges.badge_id')
    .where('member_badges.user_id', user.id)
    .orderBy('badges.code')
    .select('badges.code')
  return rows.map((row) => row.code)
}

async function badgeNotices(user: User) {
  const rows = await db
    .from('notifications')
    .where({ user_id: user.id, type: 'badge.awarded' })
    .select('data')
  return rows.map((row) => row.data.badgeCode).sort()
}

test.group('Badges', (group) => {
  truncateEachTest(group)

  test('the first paid completion earns "first bounty", announced once', async ({ assert }) => {
    const [poster, worker] = [await funded('500.00'), await member()]
    assert.deepEqual(await badgesOf(worker), [])

    await complete(poster, worker)
    await complete(poster, worker)

    assert.deepEqual(await badgesOf(worker), ['first_completion'])
    assert.deepEqual(await badgeNotices(worker), ['first_completion'])
    assert.deepEqual(await badgesOf(poster), ['first_post'])
  })

  test('completions racing each other grant "first bounty" exactly once', async ({ assert }) => {
    const [poster, worker] = [await funded('500.00'), await member()]
    const bounties = [
      await submitted(poster, worker),
      await submitted(poster, worker),
      await submitted(poster, worker),
    ]

    await Promise.all(bounties.map((bounty) => ApproveWork.handle(poster, bounty)))

    assert.deepEqual(await badgesOf(worker), ['first_completion'])
    assert.deepEqual(await badgeNotices(worker), ['first_completion'])
  })

  test('the tenth completion earns "ten bounties" once, even when the ninth and tenth race', async ({
    assert,
  }) => {
    const [poster, worker] = [await funded('900.00'), await member()]
    for (let i = 0; i < 8; i++) await complete(poster, worker)
    const racing = [await submitted(poster, worker), await submitted(poster, worker)]
    assert.deepEqual(await badgesOf(worker), ['first_completion'])

    await Promise.all(racing.map((bounty) => ApproveWork.handle(poster, bounty)))

    assert.deepEqual(await badgesOf(worker), ['first_completion', 'ten_completions'])
    assert.deepEqual(await badgeNotices(worker), ['first_completion', 'ten_completions'])
  })

  test('a first tip and a first check-in earn their badges', async ({ assert }) => {
    const [sender, friend] = [await funded('50.00'), await member()]
    const team = await teamOf([sender, friend])

    await SendTip.handle(sender, { to: { toUserId: friend.id }, amount: Money.parse('2.00') })
    await SendTip.handle(sender, { to: { toUserId: friend.id }, amount: Money.parse('3.00') })
    await SubmitCheckIn.handle(friend, team, { productive: 7, satisfied: 6, body: 5, care: 4 })

    assert.deepEqual(await badgesOf(sender), ['first_tip'])
    assert.deepEqual(await badgesOf(friend), ['first_checkin'])
    assert.deepEqual(await badgeNotices(friend), ['first_checkin'])
  })

  test('four active weeks in a row earn the streak badge; a week away does not break it', async ({
    assert,
  }) => {
    const [steady, traveller] = [await member(), await member()]
    await db.table('away_periods').insert({
      user_id: traveller.id,
      starts_at: new Date('2026-01-19T08:00:00Z'),
      ends_at: new Date('2026-01-23T08:00:00Z'),
    })
    const record = (user: User, day: string) =>
      db.transaction((trx) => Achievements.active(trx, user.id, new Date(`${day}T10:00:00Z`)))

    for (const day of ['2026-01-05', '2026-01-12', '2026-01-14', '2026-01-21']) {
      await record(steady, day)
    }
    for (const day of ['2026-01-05', '2026-01-12', '2026-01-26']) await record(traveller, day)
    assert.deepEqual(await badgesOf(steady), [])
    assert.deepEqual(await badgesOf(traveller), [])

    await record(steady, '2026-01-26')
    await record(traveller, '2026-02-02')

    assert.deepEqual(await badgesOf(steady), ['four_week_streak'])
    assert.deepEqual(await badgesOf(traveller), ['four_week_streak'])
  })

  test('the top earner of a month that is over earns the badge once, ties both', async ({
    assert,
  }) => {
    const [ann, bob, cid] = [await member(), await member(), await member()]
    const row = (user: User, start: string, earnings: string) => ({
      period: 'MONTH',
      period_start: start,
      user_id: user.id,
      earnings,
      completions: 1,
      points: 10,
    })
    await db
      .table('member_totals')
      .multiInsert([
        row(ann, '2025-11-01', '80.00'),
        row(bob, '2025-11-01', '80.00'),
        row(cid, '2025-11-01', '20.00'),
        row(ann, '2025-12-01', '90.00'),
        row(cid, '2099-01-01', '999.00'),
      ])

    assert.equal(await Achievements.awardTopEarners(), 2)
    assert.equal(await Achievements.awardTopEarners(), 0)

    assert.deepEqual(await badgesOf(ann), ['top_earner_month'])
    assert.deepEqual(await badgesOf(bob), ['top_earner_month'])
    assert.deepEqual(await badgesOf(cid), [])
    const awarded = await db.from('member_badges').where('user_id', ann.id).first()
    assert.equal(awarded.awarded_at.toISOString(), '2025-12-01T00:00:00.000Z')
  })
})
