import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

/*
| FRIENDS_ONLY profiles (A5) show to members who share a team with their
| owner, on the page and over the API, and stop showing when they no
| longer do.
*/

async function friendsOnlyOwner() {
  const owner = await UserFactory.apply('verified')
    .merge({ firstName: 'Shinobu', lastName: 'Kocho' })
    .create()
  await UserProfile.query().where('user_id', owner.id).update({ bio: 'Insect breathing.' })
  await UserSetting.query()
    .where('user_id', owner.id)
    .update({ profile_visibility: 'FRIENDS_ONLY' })
  return owner
}

test.group('FRIENDS_ONLY profiles and teams', (group) => {
  isolateDatabase(group)

  test('the profile page shows to a teammate, not to a member of another team or a former teammate', async ({
    client,
    assert,
  }) => {
    const owner = await friendsOnlyOwner()
    const [teammate, former, elsewhere] = [await member(), await member(), await member()]
    const team = await teamOf([owner, teammate, former])
    await teamOf([elsewhere], { name: 'Day shift' })
    await removeFromTeam(team.id, former)
    const url = urlFor('profiles.show', { username: owner.username })

    const shown = await client.get(url).loginAs(teammate)
    shown.assertStatus(200)
    shown.assertTextIncludes('Insect breathing.')
    shown.assertTextIncludes('Shinobu Kocho')
    for (const stranger of [former, elsewhere]) {
      const hidden = await client.get(url).loginAs(stranger)
      hidden.assertStatus(403)
      assert.notInclude(hidden.text(), 'Insect breathing.')
    }
  })

  test('the API adds the profile for a teammate only', async ({ client, assert }) => {
    const owner = await friendsOnlyOwner()
    const [teammate, former] = [await member(), await member()]
    const team = await teamOf([owner, teammate, former])
    await removeFromTeam(team.id, former)

    const forTeammate = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', await bearerFor(teammate))
    forTeammate.assertStatus(200)
    assert.equal(forTeammate.body().data.profile.bio, 'Insect breathing.')
    assert.equal(forTeammate.body().data.firstName, 'Shinobu')

    const forFormer = await client
      .get(`/api/v1/users/${owner.id}/public`)
      .header('authorization', await bearerFor(former))
    forFormer.assertStatus(200)
    assert.notProperty(forFormer.body().data, 'profile')
    assert.notProperty(forFormer.body().data, 'firstName')
  })

  test('sharesTeamWith is true for a shared team only', async ({ assert }) => {
    const [a, b, c] = [await member(), await member(), await member()]
    await teamOf([a, b])
    await teamOf([c], { name: 'Day shift' })
    assert.isTrue(await a.sharesTeamWith(b))
    assert.isTrue(await b.sharesTeamWith(a))
    assert.isFalse(await a.sharesTeamWith(c))
  })
})
