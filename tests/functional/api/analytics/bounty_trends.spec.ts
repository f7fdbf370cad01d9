import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ApproveWork from '#actions/bounties/approve_work'
import BountyTrends from '#actions/analytics/bounty_trends'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { assertLedgerClean, funded, member, postBounty, workedOn } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'

/**
 * The board as a team member and an outsider see it: two public bounties
 * (one completed and paid) and one team-only bounty, all this week.
 */
async function board() {
  const [poster, worker, outsider] = await Promise.all([funded('1000.00'), member(), member()])
  const team = await teamWith([
    [poster, 'ADMIN'],
    [worker, 'MEMBER'],
  ])
  const done = await workedOn(poster, worker, 'submitted')
  await ApproveWork.handle(poster, done, {})
  await postBounty(poster, { title: 'Write the docs' })
  await postBounty(poster, { title: 'Team secret', teamId: team.id })
  return { poster, worker, outsider, team, done }
}

test.group('API GET /analytics/bounty-trends', (group) => {
  isolateDatabase(group)

  test('published, completed and paid out per week, oldest first, twelve weeks by default', async ({
    client,
    assert,
  }) => {
    const { worker } = await board()
    const response = await client
      .get('/api/v1/analytics/bounty-trends')
      .header('authorization', await bearerFor(worker))

    response.assertStatus(200)
    const weeks = response.body().data
    assert.lengthOf(weeks, 12)
    assert.equal(weeks[11].weekStart, CheckIn.weekStartOf('UTC'))
    assert.deepEqual(weeks[11], {
      weekStart: CheckIn.weekStartOf('UTC'),
      created: 3,
      completed: 1,
      paidOut: '100.00',
    })
    assert.deepEqual(weeks[0], {
      weekStart: DateTime.fromISO(CheckIn.weekStartOf('UTC')).minus({ weeks: 11 }).toISODate(),
      created: 0,
      completed: 0,
      paidOut: '0.00',
    })
    await assertLedgerClean(assert)
  })

  test('a team-only bounty counts for the team’s members only', async ({ client, assert }) => {
    const { outsider } = await board()
    const response = await client
      .get('/api/v1/analytics/bounty-trends')
      .qs({ weeks: 1 })
      .header('authorization', await bearerFor(outsider))
    assert.deepEqual(response.body().data, [
      { weekStart: CheckIn.weekStartOf('UTC'), created: 2, completed: 1, paidOut: '100.00' },
    ])
  })

  test('weeks are counted on the caller’s clock, from their settings', async ({
    client,
    assert,
  }) => {
    const { worker } = await board()
    // Sunday 23:30 in Los Angeles, the last half hour of its previous week:
    // already Monday in UTC.
    const sundayNight = DateTime.fromISO(CheckIn.weekStartOf('America/Los_Angeles'), {
      zone: 'America/Los_Angeles',
    }).minus({ minutes: 30 })
    await db.from('bounties').update({ published_at: sundayNight.toJSDate() })
    await db.from('transactions').update({ created_at: sundayNight.toJSDate() })
    await db
      .from('user_settings')
      .where('user_id', worker.id)
      .update({ timezone: 'America/Los_Angeles' })

    const response = await client
      .get('/api/v1/analytics/bounty-trends')
      .qs({ weeks: 2 })
      .header('authorization', await bearerFor(worker))

    const weeks = response.body().data
    const [earlier] = weeks
    assert.equal(earlier.created, 3)
    assert.equal(earlier.completed, 1)
    assert.equal(weeks[1].created, 0)
  })

  test('weeks outside 1–52 are refused with field details', async ({ client, assert }) => {
    const authorization = await bearerFor(await member())
    for (const weeks of ['0', '53', 'x']) {
      const response = await client
        .get('/api/v1/analytics/bounty-trends')
        .qs({ weeks })
        .header('authorization', authorization)
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, 'weeks')
    }
  })
})

test.group('BountyTrends', (group) => {
  isolateDatabase(group)

  test('a bounty published on Sunday 23:30 in Los Angeles belongs to that week there and to the next in UTC', async ({
    assert,
  }) => {
    const { worker } = await board()
    await db.from('bounties').update({ published_at: '2026-03-23T06:30:00Z' })
    await db.from('transactions').update({ created_at: '2026-03-23T07:00:00Z' })
    const now = DateTime.fromISO('2026-03-26T12:00:00Z')

    const inLosAngeles = await BountyTrends.handle(worker, {
      weeks: 2,
      timezone: 'America/Los_Angeles',
      now,
    })
    assert.deepEqual(
      inLosAngeles.map((week) => [week.weekStart, week.created, week.completed]),
      [
        ['2026-03-16', 3, 0],
        ['2026-03-23', 0, 1],
      ]
    )
    const inUtc = await BountyTrends.handle(worker, { weeks: 2, timezone: 'UTC', now })
    assert.deepEqual(
      inUtc.map((week) => [week.weekStart, week.created, week.completed, week.paidOut.toString()]),
      [
        ['2026-03-16', 0, 0, '0.00'],
        ['2026-03-23', 3, 1, '100.00'],
      ]
    )
  })
})
