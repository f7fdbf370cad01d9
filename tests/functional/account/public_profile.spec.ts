import { test } from '@japa/runner'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#models/user'
import type { ProfileVisibility } from '#enums/profile'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { isolateDatabase } from '#tests/helpers/database'

async function memberWith(visibility: ProfileVisibility) {
  const owner = await UserFactory.merge({ firstName: 'Shinobu', lastName: 'Kocho' }).create()
  await UserProfile.query().where('user_id', owner.id).update({ bio: 'Insect breathing.' })
  await UserSetting.query().where('user_id', owner.id).update({ profile_visibility: visibility })
  return owner
}

function visit(client: any, owner: User, viewer?: User) {
  const request = client.get(urlFor('profiles.show', { username: owner.username }))
  return viewer ? request.loginAs(viewer) : request
}

test.group('Public profile', (group) => {
  isolateDatabase(group)

  test('a public profile shows to visitors', async ({ client }) => {
    const owner = await memberWith('PUBLIC')
    const response = await visit(client, owner)
    response.assertStatus(200)
    response.assertTextIncludes('Shinobu Kocho')
    response.assertTextIncludes('Insect breathing.')
    response.assertTextIncludes('Member')
  })

  test('the username is found in any case', async ({ client }) => {
    const owner = await memberWith('PUBLIC')
    const response = await client.get(`/u/${owner.username.toUpperCase()}`)
    response.assertStatus(200)
  })

  test('a private profile is hidden from visitors and other members', async ({
    client,
    assert,
  }) => {
    const owner = await memberWith('PRIVATE')
    const other = await UserFactory.apply('verified').create()
    for (const response of [await visit(client, owner), await visit(client, owner, other)]) {
      response.assertStatus(403)
      response.assertTextIncludes('This profile is private.')
      assert.notInclude(response.text(), 'Insect breathing.')
    }
  })

  test('a private profile shows to its owner and to Leaders', async ({ client }) => {
    const owner = await memberWith('PRIVATE')
    const leader = await UserFactory.apply('admin').create()
    const byOwner = await visit(client, owner, owner)
    byOwner.assertTextIncludes('Insect breathing.')
    const byLeader = await visit(client, owner, leader)
    byLeader.assertTextIncludes('Insect breathing.')
  })

  test('a friends-only profile is hidden from members who share no team', async ({
    client,
    assert,
  }) => {
    const owner = await memberWith('FRIENDS_ONLY')
    const other = await UserFactory.apply('verified').create()
    const response = await visit(client, owner, other)
    response.assertStatus(403)
    response.assertTextIncludes('only visible to members who share a team')
    assert.notInclude(response.text(), 'Insect breathing.')
    const byVisitor = await visit(client, owner)
    byVisitor.assertStatus(403)
  })

  test('a friends-only profile shows to its owner and to Leaders', async ({ client }) => {
    const owner = await memberWith('FRIENDS_ONLY')
    const leader = await UserFactory.apply('admin').create()
    const byOwner = await visit(client, owner, owner)
    byOwner.assertStatus(200)
    const byLeader = await visit(client, owner, leader)
    byLeader.assertStatus(200)
  })

  test('a deleted account is not found', async ({ client }) => {
    const owner = await UserFactory.apply('deleted').create()
    const response = await client.get(`/u/${owner.username}`)
    response.assertStatus(404)
  })

  test('an unknown username is not found', async ({ client }) => {
    const response = await client.get('/u/nobody_at_all')
    response.assertStatus(404)
  })
})
