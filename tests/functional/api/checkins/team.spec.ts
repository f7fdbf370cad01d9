import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import TeamTrends from '#actions/checkins/team_trends'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith, weeksAgo } from '#tests/helpers/teams'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'

test.group('API GET /checkins/team/:id', (group) => {
  isolateDatabase(group)

  test('members see everyone’s check-ins but other members’ private ones, which still count in the averages', async ({
    client,
    assert,
  }) => {
    const [ana, ben, cleo] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [ana, 'MEMBER'],
      [ben, 'MEMBER'],
      [cleo, 'MEMBER'],
    ])
    const visible = await checkInRow(team, ana, { productive: 8, satisfied: 7, body: 6, care: 9 })
    const hidden = await checkInRow(
      team,
      ben,
      { productive: 2, satisfied: 3, body: 4, care: 1 },
      { isPrivate: true, note: 'Rough week' }
    )

    const response = await client
      .get(`/api/v1/checkins/team/${team.id}`)
      .header('authorization', await bearerFor(cleo))

    response.assertStatus(200)
    const data = response.body().data
    assert.deepEqual(
      data.checkIns.map((item: { id: string }) => item.id),
      [visible.id]
    )
    assert.notInclude(JSON.stringify(data), 'Rough week')
    const thisWeek = data.weeks.at(-1)
    assert.deepEqual(thisWeek.averages, {
      productive: 5,
      satisfied: 5,
      body: 5,
      care: 5,
      score: 10,
    })
    assert.equal(thisWeek.checkIns, 2)
    assert.equal(thisWeek.participation, 0.67)
    assert.isNull(thisWeek.mine)

    const byAuthor = await client
      .get(`/api/v1/checkins/team/${team.id}`)
      .header('authorization', await bearerFor(ben))
    assert.sameMembers(
      byAuthor.body().data.checkIns.map((item: { id: string }) => item.id),
      [visible.id, hidden.id]
    )
    assert.deepEqual(byAuthor.body().data.weeks.at(-1).mine, {
      productive: 2,
      satisfied: 3,
      body: 4,
      care: 1,
      score: 8,
    })
  })

  test('every week of the window is listed, oldest first, empty weeks with null averages', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    await checkInRow(
      team,
      user,
      { productive: 8, satisfied: 7, body: 6, care: 9 },
      {
        weekStart: weeksAgo(2),
      }
    )
    await checkInRow(
      team,
      user,
      { productive: 1, satisfied: 1, body: 1, care: 1 },
      {
        weekStart: weeksAgo(4),
      }
    )

    const response = await client
      .get(`/api/v1/checkins/team/${team.id}`)
      .qs({ weeks: 3 })
      .header('authorization', authorization)

    const weeks = response.body().data.weeks
    assert.deepEqual(
      weeks.map((week: { weekStart: string }) => week.weekStart),
      [weeksAgo(2), weeksAgo(1), weeksAgo(0)]
    )
    assert.equal(weeks[0].averages.score, 12)
    assert.deepEqual(weeks[1].averages, {
      productive: null,
      satisfied: null,
      body: null,
      care: null,
      score: null,
    })
    assert.equal(weeks[1].checkIns, 0)
    assert.equal(weeks[1].participation, 0)
    assert.lengthOf(response.body().data.checkIns, 1)
  })

  test('twelve weeks by default', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const response = await client
      .get(`/api/v1/checkins/team/${team.id}`)
      .header('authorization', authorization)
    assert.lengthOf(response.body().data.weeks, 12)
  })

  test('a non-member and an unknown team both get 404', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const team = await teamWith([[await member(), 'MEMBER']])
    for (const id of [team.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await client
        .get(`/api/v1/checkins/team/${id}`)
        .header('authorization', authorization)
      response.assertStatus(404)
    }
  })
})

test.group('TeamTrends', (group) => {
  isolateDatabase(group)

  test('averages to two decimals, counts and participation against today’s members', async ({
    assert,
  }) => {
    const people = await Promise.all([member(), member(), member(), member()])
    const team = await teamWith(people.map((user): [User, TeamRole] => [user, 'MEMBER']))
    const now = DateTime.fromISO('2026-03-18T12:00:00Z')
    await checkInRow(
      team,
      people[0],
      { productive: 10, satisfied: 9, body: 8, care: 1 },
      {
        weekStart: '2026-03-16',
      }
    )
    await checkInRow(
      team,
      people[1],
      { productive: 7, satisfied: 5, body: 6, care: 3 },
      {
        weekStart: '2026-03-16',
      }
    )
    await checkInRow(
      team,
      people[2],
      { productive: 4, satisfied: 4, body: 4, care: 4 },
      {
        weekStart: '2026-03-16',
        isPrivate: true,
      }
    )
    await checkInRow(
      team,
      people[0],
      { productive: 3, satisfied: 3, body: 3, care: 3 },
      {
        weekStart: '2026-03-09',
      }
    )
    await checkInRow(
      team,
      people[1],
      { productive: 9, satisfied: 9, body: 9, care: 9 },
      {
        weekStart: '2026-03-02',
      }
    )

    const trends = await TeamTrends.handle(team, { weeks: 2, userId: people[0].id, now })

    assert.deepEqual(trends.weeks, [
      {
        weekStart: '2026-03-09',
        averages: { productive: 3, satisfied: 3, body: 3, care: 3, score: 6 },
        checkIns: 1,
        participation: 0.25,
        mine: { productive: 3, satisfied: 3, body: 3, care: 3, score: 6 },
      },
      {
        weekStart: '2026-03-16',
        averages: { productive: 7, satisfied: 6, body: 6, care: 2.67, score: 16.33 },
        checkIns: 3,
        participation: 0.75,
        mine: { productive: 10, satisfied: 9, body: 8, care: 1, score: 26 },
      },
    ])
  })

  test('weeks follow the team’s timezone: Monday 01:00 in Tokyo is still Sunday in UTC', async ({
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']], { timezone: 'Asia/Tokyo' })
    const mondayInTokyo = DateTime.fromISO('2026-03-15T16:00:00Z')

    const trends = await TeamTrends.handle(team, { weeks: 1, now: mondayInTokyo })

    assert.equal(trends.weeks[0].weekStart, '2026-03-16')
  })
})
