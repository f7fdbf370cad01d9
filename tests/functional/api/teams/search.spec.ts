import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'
import type { ProfileVisibility } from '#enums/profile'
import '#tests/helpers/openapi'

async function person(username: string, visibility: ProfileVisibility) {
  const user = await UserFactory.merge({
    username,
    firstName: 'Kanao',
    lastName: 'Tsuyuri',
  }).create()
  await db
    .from('user_settings')
    .where('user_id', user.id)
    .update({ profile_visibility: visibility })
  return user
}

async function search(client: ApiClient, viewer: User, q: string) {
  const response = await client
    .get('/api/v1/users/search')
    .qs({ q })
    .header('authorization', await bearerFor(viewer))
  response.assertStatus(200)
  return response.body().data as { username: string; firstName: string | null }[]
}

test.group('Users API: search', (group) => {
  isolateDatabase(group)

  test('usernames match for everyone; names only where the profile is visible', async ({
    client,
    assert,
  }) => {
    const viewer = await member()
    await person('kanao_public', 'PUBLIC')
    await person('kanao_private', 'PRIVATE')
    const friend = await person('kanao_friend', 'FRIENDS_ONLY')
    await person('kanao_stranger', 'FRIENDS_ONLY')
    await teamWith([
      [viewer, 'ADMIN'],
      [friend, 'MEMBER'],
    ])

    const byUsername = await search(client, viewer, 'KANAO_')
    assert.deepEqual(
      Object.fromEntries(byUsername.map((user) => [user.username, user.firstName])),
      {
        kanao_friend: 'Kanao',
        kanao_private: null,
        kanao_public: 'Kanao',
        kanao_stranger: null,
      }
    )

    const byName = await search(client, viewer, 'tsuyuri')
    assert.sameMembers(
      byName.map((user) => user.username),
      ['kanao_public', 'kanao_friend']
    )
  })

  test('wildcards in the term are read literally', async ({ client, assert }) => {
    const viewer = await member()
    await person('kanao_public', 'PUBLIC')
    assert.deepEqual(await search(client, viewer, '%%'), [])
  })

  test('a term shorter than two characters is 422', async ({ client, assert }) => {
    const viewer = await member()
    const response = await client
      .get('/api/v1/users/search')
      .qs({ q: 'k' })
      .header('authorization', await bearerFor(viewer))
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'q')
  })
})
