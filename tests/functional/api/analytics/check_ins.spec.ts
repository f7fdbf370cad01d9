import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import CheckIn from '#models/check_in'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, checkInsWithCare, teamOf, teamWith, weeksAgo } from '#tests/helpers/teams'

const UNKNOWN = '00000000-0000-4000-8000-000000000000'

test.group('API GET /analytics/personal', (group) => {
  isolateDatabase(group)

  test('the caller’s weekly scores, averaged over their teams, with their streak', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const [red, blue] = await Promise.all([teamOf([ana, ben]), teamWith([[ana, 'MEMBER']])])
    await checkInRow(red, ana, { productive: 8, satisfied: 7, body: 6, care: 9 })
    await checkInRow(blue, ana, { productive: 6, satisfied: 5, body: 4, care: 1 })
    await checkInRow(
      red,
      ana,
      { productive: 5, satisfied: 5, body: 5, care: 5 },
      {
        weekStart: weeksAgo(1),
      }
    )
    await checkInRow(
      red,
      ana,
      { productive: 1, satisfied: 1, body: 1, care: 1 },
      {
        weekStart: weeksAgo(3),
      }
    )
    await checkInRow(red, ben, { productive: 10, satisfied: 10, body: 10, care: 1 })

    const response = await client
      .get('/api/v1/analytics/personal')
      .qs({ weeks: 4 })
      .header('authorization', await bearerFor(ana))

    response.assertStatus(200)
    const { weeks, streak } = response.body().data
    assert.deepEqual(
      weeks.map((week: { weekStart: string }) => week.weekStart),
      [weeksAgo(3), weeksAgo(2), weeksAgo(1), weeksAgo(0)]
    )
    assert.deepEqual(weeks[3], {
      weekStart: weeksAgo(0),
      checkIns: 2,
      scores: { productive: 7, satisfied: 6, body: 5, care: 5, score: 13 },
    })
    assert.deepEqual(weeks[1].scores, {
      productive: null,
      satisfied: null,
      body: null,
      care: null,
      score: null,
    })
    assert.equal(weeks[1].checkIns, 0)
    assert.deepEqual(streak, { current: 2, longest: 2 })
  })

  test('twelve weeks by default; weeks outside 1–52 are refused with field details', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .get('/api/v1/analytics/personal')
      .header('authorization', authorization)
    assert.lengthOf(response.body().data.weeks, 12)
    assert.deepEqual(response.body().data.streak, { current: 0, longest: 0 })
    for (const weeks of ['0', '53', 'many', '2.5']) {
      const refused = await client
        .get('/api/v1/analytics/personal')
        .qs({ weeks })
        .header('authorization', authorization)
      refused.assertStatus(422)
      assert.equal(refused.body().error.details[0].field, 'weeks')
    }
  })

  test('a guest gets 401', async ({ client }) => {
    const response = await client.get('/api/v1/analytics/personal')
    response.assertStatus(401)
  })
})

test.group('API GET /analytics/team/:id', (group) => {
  isolateDatabase(group)

  test('members see the averages, private check-ins counted, and nobody’s own answers', async ({
    client,
    assert,
  }) => {
    const [ana, ben, cleo] = await Promise.all([member(), member(), member()])
    const team = await teamOf([ana, ben, cleo])
    await checkInRow(team, ana, { productive: 8, satisfied: 7, body: 6, care: 9 })
    await checkInRow(
      team,
      ben,
      { productive: 2, satisfied: 3, body: 4, care: 1 },
      { isPrivate: true, note: 'Rough week' }
    )

    const response = await client
      .get(`/api/v1/analytics/team/${team.id}`)
      .qs({ weeks: 2 })
      .header('authorization', await bearerFor(ben))

    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.teamId, team.id)
    assert.equal(data.timezone, 'UTC')
    assert.lengthOf(data.weeks, 2)
    assert.deepEqual(data.weeks[1], {
      weekStart: weeksAgo(0),
      averages: { productive: 5, satisfied: 5, body: 5, care: 5, score: 10 },
      checkIns: 2,
      participation: 0.67,
    })
    assert.notProperty(data.weeks[1], 'mine')
    assert.notInclude(JSON.stringify(data), 'Rough week')
  })

  test('an outsider, a Leader outside the team and an unknown team all get 404', async ({
    client,
  }) => {
    const team = await teamOf([await member()])
    const outsiders = [await member(), await member('admin')]
    for (const outsider of outsiders) {
      for (const id of [team.id, UNKNOWN]) {
        const response = await client
          .get(`/api/v1/analytics/team/${id}`)
          .header('authorization', await bearerFor(outsider))
        response.assertStatus(404)
      }
    }
  })
})

test.group('API GET /analytics/comparison', (group) => {
  isolateDatabase(group)

  test('the caller’s own answers beside the team’s averages; a teammate’s private check-in only in the average', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const team = await teamOf([ana, ben])
    await checkInRow(
      team,
      ana,
      { productive: 8, satisfied: 8, body: 8, care: 2 },
      {
        weekStart: weeksAgo(1),
      }
    )
    await checkInRow(
      team,
      ben,
      { productive: 4, satisfied: 4, body: 4, care: 6 },
      { isPrivate: true, weekStart: weeksAgo(1) }
    )
    await checkInRow(
      team,
      ben,
      { productive: 3, satisfied: 3, body: 3, care: 3 },
      {
        isPrivate: true,
      }
    )

    const response = await client
      .get('/api/v1/analytics/comparison')
      .qs({ teamId: team.id, weeks: 2 })
      .header('authorization', await bearerFor(ana))

    response.assertStatus(200)
    const { weeks, streak } = response.body().data
    assert.deepEqual(weeks[0], {
      weekStart: weeksAgo(1),
      mine: { productive: 8, satisfied: 8, body: 8, care: 2, score: 22 },
      team: { productive: 6, satisfied: 6, body: 6, care: 4, score: 14 },
      checkIns: 2,
      participation: 1,
    })
    // Ben's private week is the team's average, never Ana's own figures.
    assert.isNull(weeks[1].mine)
    assert.equal(weeks[1].team.score, 6)
    assert.deepEqual(streak, { current: 1, longest: 1 })
  })

  test('weeks start on Monday in the team’s timezone', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamOf([user], { timezone: 'Asia/Tokyo' })
    // Monday 01:00 in Tokyo is still Sunday in UTC: the week is Tokyo's.
    const tokyoMonday = DateTime.fromISO(CheckIn.weekStartOf('Asia/Tokyo'), {
      zone: 'Asia/Tokyo',
    }).plus({ hours: 1 })
    await checkInRow(
      team,
      user,
      { productive: 5, satisfied: 5, body: 5, care: 5 },
      {
        weekStart: CheckIn.weekStartOf(team.timezone, tokyoMonday),
      }
    )

    const response = await client
      .get('/api/v1/analytics/comparison')
      .qs({ teamId: team.id, weeks: 1 })
      .header('authorization', authorization)

    const [week] = response.body().data.weeks
    assert.equal(response.body().data.timezone, 'Asia/Tokyo')
    assert.equal(week.weekStart, CheckIn.weekStartOf('Asia/Tokyo'))
    assert.equal(week.mine.score, 10)
  })

  test('a team id is required, and a team the caller is not in is 404', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const missing = await client
      .get('/api/v1/analytics/comparison')
      .header('authorization', authorization)
    missing.assertStatus(422)
    assert.equal(missing.body().error.details[0].field, 'teamId')

    const team = await teamOf([await member()])
    for (const teamId of [team.id, UNKNOWN]) {
      const response = await client
        .get('/api/v1/analytics/comparison')
        .qs({ teamId })
        .header('authorization', authorization)
      response.assertStatus(404)
    }
  })
})

test.group('API GET /analytics/insights', (group) => {
  isolateDatabase(group)

  test('says what the caller’s and the team’s figures show, from the fixed rules', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const team = await teamOf([ana, ben])
    await checkInsWithCare(team, ana, { productive: 6, satisfied: 6, body: 4 }, [
      [4, 2],
      [3, 3],
      [2, 5],
      [1, 8],
    ])
    await checkInRow(
      team,
      ben,
      { productive: 8, satisfied: 8, body: 8, care: 1 },
      {
        weekStart: weeksAgo(1),
        isPrivate: true,
      }
    )

    const response = await client
      .get('/api/v1/analytics/insights')
      .qs({ teamId: team.id })
      .header('authorization', await bearerFor(ana))

    response.assertStatus(200)
    assert.deepEqual(response.body().data, [
      {
        code: 'MY_TREND',
        tone: 'concern',
        text: 'Your check-in score has fallen three weeks in a row (from 14 to 8).',
      },
      {
        code: 'MY_TREND',
        tone: 'concern',
        text: 'Your care score has risen three weeks in a row (from 2 to 8).',
      },
      {
        code: 'MY_LOWEST',
        tone: 'neutral',
        text: 'Your lowest answer this month is “Body” (on average 4 out of 10).',
      },
      {
        code: 'TEAM_LOWEST',
        tone: 'neutral',
        text: 'The team’s lowest answer this month is “Body” (on average 5 out of 10).',
      },
      {
        code: 'PARTICIPATION',
        tone: 'good',
        text: 'Everyone in the team checked in last week.',
      },
      {
        code: 'STREAK',
        tone: 'good',
        text: 'You have checked in four weeks in a row.',
      },
      { code: 'NOT_CHECKED_IN', tone: 'neutral', text: 'You have not checked in this week yet.' },
    ])
  })

  test('a teammate’s insights never carry another member’s own figures', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const team = await teamOf([ana, ben])
    for (const ago of [3, 2, 1, 0]) {
      await checkInRow(
        team,
        ana,
        { productive: 2 + ago, satisfied: 2, body: 2, care: 1 },
        {
          weekStart: weeksAgo(ago),
          isPrivate: true,
        }
      )
    }
    const response = await client
      .get('/api/v1/analytics/insights')
      .qs({ teamId: team.id })
      .header('authorization', await bearerFor(ben))
    const codes = response.body().data.map((insight: { code: string }) => insight.code)
    assert.notInclude(codes, 'MY_TREND')
    assert.notInclude(codes, 'MY_LOWEST')
    assert.notInclude(codes, 'STREAK')
    assert.include(codes, 'TEAM_TREND')
  })

  test('an outsider gets 404, a missing team 422', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const team = await teamOf([await member()])
    const refused = await client
      .get('/api/v1/analytics/insights')
      .qs({ teamId: team.id })
      .header('authorization', authorization)
    refused.assertStatus(404)
    const missing = await client
      .get('/api/v1/analytics/insights')
      .header('authorization', authorization)
    missing.assertStatus(422)
  })
})

test.group('Analytics read the check-ins as stored', (group) => {
  isolateDatabase(group)

  test('reading analytics changes nothing', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamOf([user])
    await checkInRow(team, user, { productive: 5, satisfied: 5, body: 5, care: 5 })
    const before = await db.from('check_ins').select('*')
    await client
      .get('/api/v1/analytics/comparison')
      .qs({ teamId: team.id })
      .header('authorization', authorization)
    assert.deepEqual(await db.from('check_ins').select('*'), before)
  })
})

test.group('Analytics permissions (docs/permissions.md, Check-ins, note 4)', (group) => {
  isolateDatabase(group)

  const paths = (teamId: string) => [
    `/api/v1/analytics/team/${teamId}`,
    `/api/v1/analytics/comparison?teamId=${teamId}`,
    `/api/v1/analytics/insights?teamId=${teamId}`,
  ]

  test('members of any team role may read the team’s analytics', async ({ client }) => {
    const [admin, moderator, teammate] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [moderator, 'MODERATOR'],
      [teammate, 'MEMBER'],
    ])
    for (const user of [admin, moderator, teammate]) {
      const authorization = await bearerFor(user)
      for (const path of paths(team.id)) {
        const response = await client.get(path).header('authorization', authorization)
        response.assertStatus(200)
      }
    }
  })

  test('an outsider and a Leader outside the team get 404, a guest 401', async ({ client }) => {
    const team = await teamOf([await member()])
    for (const user of [await member(), await member('admin')]) {
      const authorization = await bearerFor(user)
      for (const path of paths(team.id)) {
        const response = await client.get(path).header('authorization', authorization)
        response.assertStatus(404)
      }
    }
    for (const path of [...paths(team.id), '/api/v1/analytics/bounty-trends']) {
      const response = await client.get(path)
      response.assertStatus(401)
    }
  })
})

test.group('CheckInAnalytics weeks', (group) => {
  isolateDatabase(group)

  test('the personal window ends with the latest Monday among the member’s and their teams’ clocks', async ({
    assert,
  }) => {
    const user = await member()
    await db
      .from('user_settings')
      .where('user_id', user.id)
      .update({ timezone: 'America/Los_Angeles' })
    const team = await teamOf([user], { timezone: 'Asia/Tokyo' })
    // Sunday 16:00 UTC: Monday 01:00 in Tokyo, Sunday 09:00 in Los Angeles.
    const now = DateTime.fromISO('2026-03-15T16:00:00Z')
    await checkInRow(
      team,
      user,
      { productive: 9, satisfied: 9, body: 9, care: 1 },
      {
        weekStart: '2026-03-16',
      }
    )

    const personal = await CheckInAnalytics.personal(user, { weeks: 2, now })
    assert.deepEqual(
      personal.weeks.map((week) => [week.weekStart, week.scores.score]),
      [
        ['2026-03-09', null],
        ['2026-03-16', 26],
      ]
    )
    assert.deepEqual(personal.streak, { current: 1, longest: 1 })
  })

  test('the comparison follows the team’s clock, not the member’s', async ({ assert }) => {
    const user = await member()
    const tokyo = await teamOf([user], { timezone: 'Asia/Tokyo' })
    const london = await teamOf([user], { timezone: 'Europe/London' })
    const now = DateTime.fromISO('2026-03-15T16:00:00Z')
    const lastWeek = async (team: typeof tokyo) => {
      const { weeks } = await CheckInAnalytics.comparison(user, team, { weeks: 1, now })
      return weeks[0].weekStart
    }
    assert.equal(await lastWeek(tokyo), '2026-03-16')
    assert.equal(await lastWeek(london), '2026-03-09')
  })
})
