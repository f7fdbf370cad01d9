import { test } from '@japa/runner'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'

const answers = { productive: 8, satisfied: 7, body: 6, care: 9 }
const LAST_YEAR = '2025-01-06'

test.group('API PUT and DELETE /checkins/:id', (group) => {
  isolateDatabase(group)

  test('its author changes it within its week; the score follows', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers, { note: 'Before' })

    const response = await client
      .put(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', authorization)
      .json({ care: 2, isPrivate: true })

    response.assertStatus(200)
    assert.equal(response.body().data.score, 19)
    const stored = await CheckIn.findOrFail(checkIn.id)
    assert.equal(stored.care, 2)
    assert.equal(stored.score, 19)
    assert.isTrue(stored.isPrivate)
    assert.equal(stored.note, 'Before')
  })

  test('after its week it can no longer be changed: 409 INVALID_TRANSITION', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers, { weekStart: LAST_YEAR })

    const response = await client
      .put(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', authorization)
      .json({ care: 2 })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    const unchanged = await CheckIn.findOrFail(checkIn.id)
    assert.equal(unchanged.care, 9)
  })

  test('a teammate cannot change it: 403; an outsider is told 404', async ({ client, assert }) => {
    const author = await member()
    const teammate = await member()
    const team = await teamWith([
      [author, 'MEMBER'],
      [teammate, 'ADMIN'],
    ])
    const checkIn = await checkInRow(team, author, answers)

    const byTeammate = await client
      .put(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', await bearerFor(teammate))
      .json({ care: 1 })
    byTeammate.assertStatus(403)

    const { authorization } = await memberWithToken()
    const byOutsider = await client
      .put(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', authorization)
      .json({ care: 1 })
    byOutsider.assertStatus(404)
    const unchanged = await CheckIn.findOrFail(checkIn.id)
    assert.equal(unchanged.care, 9)
  })

  test('a teammate is told 404 for a private check-in', async ({ client }) => {
    const author = await member()
    const teammate = await member()
    const team = await teamWith([
      [author, 'MEMBER'],
      [teammate, 'MEMBER'],
    ])
    const checkIn = await checkInRow(team, author, answers, { isPrivate: true })

    const response = await client
      .delete(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', await bearerFor(teammate))
    response.assertStatus(404)
  })

  test('its author deletes it within its week, and may check in again', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers)

    const response = await client
      .delete(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', authorization)
    response.assertStatus(200)
    assert.equal(await countRows('check_ins'), 0)

    const again = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: team.id, ...answers })
    again.assertStatus(201)
  })

  test('a past week’s check-in cannot be deleted: 409 INVALID_TRANSITION', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers, { weekStart: LAST_YEAR })

    const response = await client
      .delete(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', authorization)
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    assert.equal(await countRows('check_ins'), 1)
  })

  test('a teammate cannot delete it: 403', async ({ client, assert }) => {
    const author = await member()
    const teammate = await member()
    const team = await teamWith([
      [author, 'MEMBER'],
      [teammate, 'MEMBER'],
    ])
    const checkIn = await checkInRow(team, author, answers)

    const response = await client
      .delete(`/api/v1/checkins/${checkIn.id}`)
      .header('authorization', await bearerFor(teammate))
    response.assertStatus(403)
    assert.equal(await countRows('check_ins'), 1)
  })
})

test.group('API GET /checkins and /checkins/current', (group) => {
  isolateDatabase(group)

  test('lists the caller’s own check-ins, newest week first, paginated', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const other = await member()
    const team = await teamWith([
      [user, 'MEMBER'],
      [other, 'MEMBER'],
    ])
    await checkInRow(team, user, answers, { weekStart: '2026-01-05' })
    await checkInRow(team, user, answers, { weekStart: '2026-01-12' })
    await checkInRow(team, other, answers, { weekStart: '2026-01-12' })

    const response = await client
      .get('/api/v1/checkins')
      .qs({ limit: 1 })
      .header('authorization', authorization)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((item: { weekStart: string }) => item.weekStart),
      ['2026-01-12']
    )
    assert.equal(response.body().meta.pagination.total, 2)
  })

  test('current: this week’s check-in, or null before checking in', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const before = await client
      .get('/api/v1/checkins/current')
      .qs({ teamId: team.id })
      .header('authorization', authorization)
    before.assertStatus(200)
    assert.isNull(before.body().data)

    await checkInRow(team, user, answers, { weekStart: LAST_YEAR })
    const checkIn = await checkInRow(team, user, answers)
    const after = await client
      .get('/api/v1/checkins/current')
      .qs({ teamId: team.id })
      .header('authorization', authorization)
    assert.equal(after.body().data.id, checkIn.id)
  })

  test('current: a non-member gets 404', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const team = await teamWith([[await member(), 'MEMBER']])
    const response = await client
      .get('/api/v1/checkins/current')
      .qs({ teamId: team.id })
      .header('authorization', authorization)
    response.assertStatus(404)
  })
})
