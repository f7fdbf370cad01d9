import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import UserSetting from '#models/user_setting'
import UserProfile from '#models/user_profile'
import type { ProfileVisibility } from '#enums/profile'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

async function ownerWith(visibility: ProfileVisibility) {
  const owner = await UserFactory.apply('verified').create()
  await UserSetting.updateOrCreate({ userId: owner.id }, { profileVisibility: visibility })
  await UserProfile.updateOrCreate({ userId: owner.id }, { bio: 'Hunts demons at night' })
  return owner
}

test.group('GET /api/v1/users/:id/public', (group) => {
  isolateDatabase(group)

  test('a PUBLIC profile shows names and profile to any member', async ({ client, assert }) => {
    const owner = await ownerWith('PUBLIC')
    const { authorization } = await memberWithToken()

    const response = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', authorization)

    response.assertStatus(200)
    const { data } = response.body()
    assert.include(data, { id: owner.id, username: owner.username, firstName: owner.firstName })
    assert.equal(data.profile.bio, 'Hunts demons at night')
    assert.notProperty(data, 'email')
    assert.notProperty(data, 'balance')
    assert.notProperty(data, 'settings')
  })

  test('a PRIVATE profile shows only the card to other members', async ({ client, assert }) => {
    const owner = await ownerWith('PRIVATE')
    const { authorization } = await memberWithToken()

    const response = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.deepEqual(Object.keys(response.body().data).sort(), [
      'avatarUrl',
      'createdAt',
      'id',
      'role',
      'username',
      'visibility',
    ])
    assert.equal(response.body().data.visibility, 'PRIVATE')
  })

  test('a FRIENDS_ONLY profile stays hidden from members who share no team', async ({
    client,
    assert,
  }) => {
    const owner = await ownerWith('FRIENDS_ONLY')
    const { authorization } = await memberWithToken()

    const response = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.notProperty(response.body().data, 'profile')
  })

  test('owners and leaders see a PRIVATE profile in full', async ({ client, assert }) => {
    const owner = await ownerWith('PRIVATE')
    const leader = await UserFactory.apply('admin').create()

    const own = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', await bearerFor(owner))
    const asLeader = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', await bearerFor(leader))

    assert.property(own.body().data, 'profile')
    assert.property(asLeader.body().data, 'profile')
  })

  test('an unknown or deleted member answers 404 NOT_FOUND', async ({ client }) => {
    const deleted = await UserFactory.apply('deleted').create()
    const { authorization } = await memberWithToken()

    const unknown = await client
      .get(`/api/v1/users/${randomUUID()}/public`)
      .header('authorization', authorization)
    const gone = await client
      .get(`/api/v1/users/${deleted.id}/public`)
      .header('authorization', authorization)

    unknown.assertStatus(404)
    gone.assertStatus(404)
  })

  test('without a token answers 401', async ({ client }) => {
    const owner = await ownerWith('PUBLIC')

    const response = await client.get(`/api/v1/users/${owner.id}/public`)

    response.assertStatus(401)
  })
})
