import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, refusesInvalidInput } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { optOut, totalsOf } from '#tests/helpers/leaderboards'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function as(user: User) {
  return { authorization: await bearerFor(user) }
}

function board(entries: { rank: number; user: { username: string }; value: unknown }[]) {
  return entries.map((entry) => [entry.rank, entry.user.username, entry.value])
}

test.group('Leaderboard API: ranking', (group) => {
  isolateDatabase(group)

  test('ranks members highest first, ties sharing a rank and the next rank skipped', async ({
    client,
    assert,
  }) => {
    const [ann, bob, cid, dan, eve] = await Promise.all(
      ['ann', 'bob', 'cid', 'dan', 'eve'].map((username) => member().then(named(username)))
    )
    await totalsOf(ann, { points: 50 })
    await totalsOf(bob, { points: 120 })
    await totalsOf(cid, { points: 50 })
    await totalsOf(dan, { points: 10 })
    await totalsOf(eve, { points: 0 })

    const response = await client
      .get('/api/v1/leaderboard?period=all&metric=points')
      .headers(await as(eve))
    response.assertStatus(200)
    assert.deepEqual(board(response.body().data), [
      [1, 'bob', 120],
      [2, 'ann', 50],
      [2, 'cid', 50],
      [4, 'dan', 10],
    ])
  })

  test('earnings are decimal strings; week, month and all time are separate boards', async ({
    client,
    assert,
  }) => {
    const [ann, bob] = await Promise.all([member().then(named('ann')), member().then(named('bob'))])
    await totalsOf(ann, { earnings: '1500.50', completions: 3 }, 'all')
    await totalsOf(bob, { earnings: '99.99', completions: 1 }, 'all')
    await totalsOf(bob, { earnings: '99.99', completions: 1 }, 'week')
    await totalsOf(ann, { earnings: '20.00', completions: 1 }, 'month')
    const headers = await as(ann)

    const all = await client.get('/api/v1/leaderboard?period=all&metric=earnings').headers(headers)
    assert.deepEqual(board(all.body().data), [
      [1, 'ann', '1500.50'],
      [2, 'bob', '99.99'],
    ])
    const week = await client
      .get('/api/v1/leaderboard?period=week&metric=earnings')
      .headers(headers)
    assert.deepEqual(board(week.body().data), [[1, 'bob', '99.99']])
    const month = await client
      .get('/api/v1/leaderboard?period=month&metric=completions')
      .headers(headers)
    assert.deepEqual(board(month.body().data), [[1, 'ann', 1]])
  })

  test('members who opted out vanish from the board but keep their totals', async ({
    client,
    assert,
  }) => {
    const [ann, bob, cid] = await Promise.all([
      member().then(named('ann')),
      member().then(named('bob')),
      member().then(named('cid')),
    ])
    await totalsOf(ann, { points: 300 })
    await totalsOf(bob, { points: 200 })
    await totalsOf(cid, { points: 100 })
    await optOut(ann)

    const response = await client.get('/api/v1/leaderboard').headers(await as(cid))
    assert.deepEqual(board(response.body().data), [
      [1, 'bob', 200],
      [2, 'cid', 100],
    ])
    const kept = await db.from('member_totals').where('user_id', ann.id).first()
    assert.equal(kept.points, 300)
  })

  test('deactivated and deleted members never appear', async ({ client, assert }) => {
    const [ann, bob, cid] = await Promise.all([
      member().then(named('ann')),
      member().then(named('bob')),
      member().then(named('cid')),
    ])
    await totalsOf(ann, { points: 300 })
    await totalsOf(bob, { points: 200 })
    await totalsOf(cid, { points: 100 })
    await db.from('users').where('id', ann.id).update({ is_active: false })
    await db.from('users').where('id', bob.id).update({ deleted_at: new Date() })

    const response = await client.get('/api/v1/leaderboard').headers(await as(cid))
    assert.deepEqual(board(response.body().data), [[1, 'cid', 100]])
  })

  test('limit takes that many from the top', async ({ client, assert }) => {
    const users = await Promise.all([1, 2, 3].map(() => member()))
    for (const [index, user] of users.entries()) await totalsOf(user, { points: 10 * (index + 1) })

    const response = await client.get('/api/v1/leaderboard?limit=2').headers(await as(users[0]))
    assert.deepEqual(
      response.body().data.map((entry: { value: number }) => entry.value),
      [30, 20]
    )
  })

  refusesInvalidInput(
    [
      ['the period is not one of week, month, all', { period: 'year' }, 'period', 'enum'],
      ['the metric is unknown', { metric: 'karma' }, 'metric', 'enum'],
      ['the team id is not an id', { teamId: 'team-1' }, 'teamId', 'uuid'],
      ['the limit is over 100', { limit: 101 }, 'limit', 'max'],
    ],
    {
      given: () => member().then(bearerFor),
      send: (client, query, authorization: string) =>
        client.get('/api/v1/leaderboard').qs(query).header('authorization', authorization),
    }
  )
})

test.group('Leaderboard API: team boards', (group) => {
  isolateDatabase(group)

  test('a team board ranks only the team’s current members', async ({ client, assert }) => {
    const [ann, bob, cid, outsider] = await Promise.all([
      member().then(named('ann')),
      member().then(named('bob')),
      member().then(named('cid')),
      member().then(named('out')),
    ])
    const team = await teamOf([ann, bob, cid])
    for (const [user, points] of [
      [ann, 10],
      [bob, 20],
      [cid, 30],
      [outsider, 99],
    ] as const) {
      await totalsOf(user, { points })
    }
    await removeFromTeam(team.id, cid)

    const response = await client
      .get(`/api/v1/leaderboard?teamId=${team.id}`)
      .headers(await as(ann))
    response.assertStatus(200)
    assert.deepEqual(board(response.body().data), [
      [1, 'bob', 20],
      [2, 'ann', 10],
    ])
  })

  test('members and Leaders see a team board; outsiders get 404 and guests 401', async ({
    client,
  }) => {
    const [admin, teammate, outsider, leader] = await Promise.all([
      member(),
      member(),
      member(),
      member('admin'),
    ])
    const team = await teamOf([admin, teammate])
    const url = `/api/v1/leaderboard?teamId=${team.id}`

    for (const allowed of [admin, teammate, leader]) {
      const response = await client.get(url).headers(await as(allowed))
      response.assertStatus(200)
    }
    const refused = await client.get(url).headers(await as(outsider))
    refused.assertStatus(404)
    refused.assertBodyContains({ error: { code: 'NOT_FOUND' } })
    const guest = await client.get(url)
    guest.assertStatus(401)
  })

  test('a member who left the team is refused its board', async ({ client }) => {
    const [admin, former] = await Promise.all([member(), member()])
    const team = await teamOf([admin, former])
    await removeFromTeam(team.id, former)

    const response = await client
      .get(`/api/v1/leaderboard?teamId=${team.id}`)
      .headers(await as(former))
    response.assertStatus(404)
  })

  test('a team that does not exist is 404', async ({ client }) => {
    const response = await client
      .get('/api/v1/leaderboard?teamId=00000000-0000-4000-8000-000000000000')
      .headers(await as(await member('admin')))
    response.assertStatus(404)
  })
})

function named(username: string) {
  return async (user: User) => {
    user.username = username
    await user.save()
    return user
  }
}
