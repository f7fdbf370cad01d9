import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { urlFor } from '@adonisjs/core/services/url_builder'
import UserSetting from '#models/user_setting'
import type User from '#models/user'
import type { ProfileVisibility } from '#enums/profile'
import { UserFactory } from '#database/factories/user_factory'
import AddComment from '#actions/bounties/add_comment'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { fund } from '#tests/helpers/ledger'
import { postBounty } from '#tests/helpers/bounties'
import { bearerFor } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'

/*
| A member's full name shows wherever their profile would show, and
| nowhere else: to everyone else they are their username (A5). The rule is
| User.isProfileVisibleTo, for profile pages, bounty pages and the API.
*/

async function memberNamed(firstName: string, lastName: string, visibility: ProfileVisibility) {
  const user = await UserFactory.apply('verified').merge({ firstName, lastName }).create()
  await UserSetting.query().where('user_id', user.id).update({ profile_visibility: visibility })
  return user
}

/**
 * A published bounty by a private poster, claimed by a friends-only member
 * and discussed by a private one and a public one.
 */
async function discussedBounty() {
  const poster = await memberNamed('Kanao', 'Tsuyuri', 'PRIVATE')
  const claimant = await memberNamed('Genya', 'Shinazugawa', 'FRIENDS_ONLY')
  const commenter = await memberNamed('Muichiro', 'Tokito', 'PRIVATE')
  const open = await memberNamed('Tanjiro', 'Kamado', 'PUBLIC')
  await fund(poster, '500.00')
  const bounty = await postBounty(poster, { title: 'Mend the gate', maxCompletions: 2 })
  await ClaimBounty.handle(claimant, bounty)
  await AddComment.handle(commenter, bounty, { content: 'I can help with the hinges.' })
  await AddComment.handle(open, bounty, { content: 'Me too.' })
  return { bounty, poster, claimant, commenter, open }
}

const HIDDEN_NAMES = ['Kanao', 'Tsuyuri', 'Genya', 'Shinazugawa', 'Muichiro', 'Tokito']

function page(client: ApiClient, bountyId: string, viewer?: User) {
  const request = client.get(urlFor('bounties.show', { id: bountyId }))
  return viewer ? request.loginAs(viewer) : request
}

async function pageText(client: ApiClient, bountyId: string, viewer: User) {
  const response = await page(client, bountyId, viewer)
  return response.text()
}

test.group('Member names follow profile visibility', (group) => {
  isolateDatabase(group)

  test('a bounty page shows private and friends-only members to strangers by username only', async ({
    client,
    assert,
  }) => {
    const { bounty, poster, claimant, commenter } = await discussedBounty()
    const stranger = await UserFactory.apply('verified').create()

    for (const response of [
      await page(client, bounty.id),
      await page(client, bounty.id, stranger),
    ]) {
      response.assertStatus(200)
      const html = response.text()
      for (const name of HIDDEN_NAMES) assert.notInclude(html, name)
      for (const member of [poster, claimant, commenter]) assert.include(html, member.username)
      assert.include(html, 'Tanjiro Kamado', 'a public member keeps their name')
    }
  })

  test('a bounty page shows full names to whoever may see the profiles', async ({
    client,
    assert,
  }) => {
    const { bounty, poster, commenter } = await discussedBounty()
    const leader = await UserFactory.apply('admin').create()

    const byLeader = await pageText(client, bounty.id, leader)
    for (const name of ['Kanao Tsuyuri', 'Genya Shinazugawa', 'Muichiro Tokito']) {
      assert.include(byLeader, name)
    }
    const byCommenter = await pageText(client, bounty.id, commenter)
    assert.include(byCommenter, 'Muichiro Tokito', 'members see their own name')
    assert.notInclude(byCommenter, 'Kanao Tsuyuri')
    const byPoster = await pageText(client, bounty.id, poster)
    assert.include(byPoster, 'Kanao Tsuyuri')
    assert.notInclude(byPoster, 'Genya Shinazugawa')
  })

  test('the API names members by username, and gives full names only where the profile shows', async ({
    client,
    assert,
  }) => {
    const { bounty, poster, open } = await discussedBounty()
    const stranger = await UserFactory.apply('verified').create()
    const authorization = await bearerFor(stranger)

    for (const url of [
      urlFor('api.bounties.show', { id: bounty.id }),
      urlFor('api.bounties.comments.index', { id: bounty.id }),
    ]) {
      const response = await client.get(url).header('authorization', authorization)
      response.assertStatus(200)
      for (const name of HIDDEN_NAMES) assert.notInclude(response.text(), name)
    }

    const hidden = await client
      .get(urlFor('api.users.public_profile', { id: poster.id }))
      .header('authorization', authorization)
    hidden.assertStatus(200)
    assert.notProperty(hidden.body().data, 'firstName')
    assert.notInclude(hidden.text(), 'Kanao')

    const shown = await client
      .get(urlFor('api.users.public_profile', { id: open.id }))
      .header('authorization', authorization)
    assert.equal(shown.body().data.firstName, 'Tanjiro')
  })
})
