import { test } from '@japa/runner'
import ApproveWork from '#actions/bounties/approve_work'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, workedOn } from '#tests/helpers/bounties'
import { teamOf } from '#tests/helpers/teams'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('GET /api/v1/dashboard/stats', (group) => {
  isolateDatabase(group)

  test('a new member starts at level 1 with no points and no streak', async ({ client }) => {
    const { authorization } = await memberWithToken()

    const response = await client
      .get('/api/v1/dashboard/stats')
      .header('authorization', authorization)

    response.assertStatus(200)
    response.assertBody({
      ...response.body(),
      data: {
        balance: '0.00',
        held: '0.00',
        earned: '0.00',
        spent: '0.00',
        activeBounties: 0,
        completedBounties: 0,
        completionRate: 0,
        points: 0,
        level: 1,
        streakWeeks: 0,
      },
    })
  })

  test('an approved completion brings points, a level, a streak week and money', async ({
    client,
  }) => {
    const poster = await funded('500.00')
    const worker = await UserFactory.apply('verified').create()
    // HIGH earns 35 + 100 whole units paid: 135 points, level 2 (100–299).
    const bounty = await workedOn(poster, worker, 'submitted')
    bounty.priority = 'HIGH'
    await bounty.save()
    await ApproveWork.handle(poster, bounty)

    const response = await client
      .get('/api/v1/dashboard/stats')
      .header('authorization', await bearerFor(worker))

    response.assertStatus(200)
    response.assertBodyContains({
      data: {
        balance: '100.00',
        earned: '100.00',
        completedBounties: 1,
        completionRate: 1,
        points: 135,
        level: 2,
        streakWeeks: 1,
      },
    })
  })

  test('without a token the figures are refused', async ({ client }) => {
    const response = await client.get('/api/v1/dashboard/stats')
    response.assertStatus(401)
  })
})

test.group('GET /api/v1/dashboard/recent-activity', (group) => {
  isolateDatabase(group)

  test('lists events on the caller’s bounties, newest first, with the bounty', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const worker = await UserFactory.apply('verified').create()
    const outsider = await UserFactory.apply('verified').create()
    const bounty = await workedOn(poster, worker, 'submitted')

    const mine = await client
      .get('/api/v1/dashboard/recent-activity')
      .qs({ limit: 2 })
      .header('authorization', await bearerFor(worker))
    const theirs = await client
      .get('/api/v1/dashboard/recent-activity')
      .header('authorization', await bearerFor(outsider))

    mine.assertStatus(200)
    const items = mine.body().data
    assert.lengthOf(items, 2)
    assert.equal(items[0].type, 'submitted')
    assert.deepEqual(items[0].bounty, { id: bounty.id, title: bounty.title })
    assert.isAbove(Number(items[0].id), Number(items[1].id))
    assert.equal(mine.body().meta.pagination.limit, 2)
    assert.deepEqual(theirs.body().data, [])
  })

  test('a limit above 100 is refused with field details', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .get('/api/v1/dashboard/recent-activity')
      .qs({ limit: 500 })
      .header('authorization', authorization)
    response.assertStatus(422)
    response.assertBodyContains({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'limit' }] },
    })
  })
})

test.group('GET /api/v1/users/:id/badges', (group) => {
  isolateDatabase(group)

  test('shows a member’s badges with the date earned', async ({ client, assert }) => {
    const poster = await funded('500.00')
    const worker = await UserFactory.apply('verified').create()
    await ApproveWork.handle(poster, await workedOn(poster, worker, 'submitted'))
    const { authorization } = await memberWithToken()

    const response = await client
      .get(`/api/v1/users/${worker.id}/badges`)
      .header('authorization', authorization)

    response.assertStatus(200)
    const [badge] = response.body().data
    assert.lengthOf(response.body().data, 1)
    assert.include(badge, { code: 'first_completion', name: 'First bounty' })
    assert.isString(badge.awardedAt)
  })

  test('a private profile’s badges are refused to others, shown to its owner', async ({
    client,
  }) => {
    const owner = await UserFactory.apply('verified').create()
    await UserSetting.updateOrCreate({ userId: owner.id }, { profileVisibility: 'PRIVATE' })
    const { authorization } = await memberWithToken()

    const other = await client
      .get(`/api/v1/users/${owner.id}/badges`)
      .header('authorization', authorization)
    const own = await client
      .get(`/api/v1/users/${owner.id}/badges`)
      .header('authorization', await bearerFor(owner))

    other.assertStatus(403)
    own.assertStatus(200)
  })

  test('a friends-only profile’s badges are shown to teammates only', async ({ client }) => {
    const owner = await UserFactory.apply('verified').create()
    const [mate, stranger] = await UserFactory.apply('verified').createMany(2)
    await UserSetting.updateOrCreate({ userId: owner.id }, { profileVisibility: 'FRIENDS_ONLY' })
    await teamOf([owner, mate])

    const byMate = await client
      .get(`/api/v1/users/${owner.id}/badges`)
      .header('authorization', await bearerFor(mate))
    const byStranger = await client
      .get(`/api/v1/users/${owner.id}/badges`)
      .header('authorization', await bearerFor(stranger))

    byMate.assertStatus(200)
    byStranger.assertStatus(403)
  })

  test('an unknown or deleted member is 404', async ({ client }) => {
    const deleted = await UserFactory.apply('deleted').create()
    const { authorization } = await memberWithToken()
    const response = await client
      .get(`/api/v1/users/${deleted.id}/badges`)
      .header('authorization', authorization)
    response.assertStatus(404)
  })
})
