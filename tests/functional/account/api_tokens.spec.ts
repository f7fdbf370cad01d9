import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Secret } from '@adonisjs/core/helpers'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

function create(client: any, user: User, form: Record<string, unknown>) {
  return client
    .post(urlFor('api_tokens.store'))
    .loginAs(user)
    .form(form)
    .withCsrfToken()
    .redirects(0)
}

test.group('Personal API tokens', (group) => {
  isolateDatabase(group)

  test('an empty list explains what tokens are for', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('api_tokens.index')).loginAs(user)
    response.assertTextIncludes('No tokens yet')
  })

  test('creates a token with abilities and an expiry, and shows the secret once', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 0)

    const response = await create(client, user, {
      'name': 'CI bot',
      'abilities[]': ['read', 'wallet'],
      'expiresIn': '30',
    })
    response.assertStatus(200)
    response.assertHeader('cache-control', 'no-store')
    const secret = response.text().match(/value="(crp_[^"]+)"/)![1]

    const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    assert.equal(row.name, 'CI bot')
    assert.deepEqual(JSON.parse(row.abilities), ['read', 'wallet'])
    assert.notInclude(JSON.stringify(row), secret.split('.').pop())
    const days = (new Date(row.expires_at).getTime() - Date.now()) / 86_400_000
    assert.closeTo(days, 30, 0.01)

    const verified = await User.accessTokens.verify(new Secret(secret))
    assert.equal(verified!.tokenableId, user.id)
    assert.isTrue(verified!.allows('wallet'))
    assert.isFalse(verified!.allows('write'))

    const list = await client.get(urlFor('api_tokens.index')).loginAs(user)
    list.assertTextIncludes('CI bot')
    assert.notInclude(list.text(), secret)
  })

  test('a token can be made to never expire', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await create(client, user, { 'name': 'Forever', 'abilities[]': ['read'], 'expiresIn': 'never' })
    const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    assert.isNull(row.expires_at)
  })

  const refusals = [
    {
      title: 'no name',
      form: { 'name': '', 'abilities[]': ['read'], 'expiresIn': '30' },
      field: 'name',
    },
    { title: 'no ability', form: { name: 'x', expiresIn: '30' }, field: 'abilities' },
    {
      title: 'an unknown ability',
      form: { 'name': 'x', 'abilities[]': ['admin'], 'expiresIn': '30' },
      field: 'abilities.0',
    },
    {
      title: 'an unknown lifetime',
      form: { 'name': 'x', 'abilities[]': ['read'], 'expiresIn': '9999' },
      field: 'expiresIn',
    },
  ]

  test('refuses {title} and creates nothing')
    .with(refusals)
    .run(async ({ client, assert }, { form, field }) => {
      const user = await UserFactory.create()
      const response = await create(client, user, form)
      response.assertStatus(302)
      assert.exists(response.flashMessage('inputErrorsBag')[field])
      assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 0)
    })

  test('revokes one of your tokens', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await User.accessTokens.create(user, ['read'], { name: 'old' })
    const response = await client
      .delete(urlFor('api_tokens.destroy', { id: String(token.identifier) }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'The token has been revoked. Anything using it is now refused.'
    )
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 0)
    assert.isNull(await User.accessTokens.verify(token.value!))
  })

  test("another member's token cannot be revoked", async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const token = await User.accessTokens.create(owner, ['read'], { name: 'theirs' })
    const intruder = await UserFactory.create()
    const response = await client
      .delete(urlFor('api_tokens.destroy', { id: String(token.identifier) }))
      .loginAs(intruder)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'That token no longer exists.')
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: owner.id }), 1)
  })
})
