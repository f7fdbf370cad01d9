import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import CreateApiToken from '#actions/users/create_api_token'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('Bearer authentication under /api/v1', (group) => {
  isolateDatabase(group)

  test('no token answers 401 UNAUTHENTICATED', async ({ client, assert }) => {
    const response = await client.get('/api/v1/users/profile')

    response.assertStatus(401)
    assert.equal(response.body().error.code, 'UNAUTHENTICATED')
  })

  test('a made-up or malformed token answers 401', async ({ client }) => {
    for (const header of [
      'Bearer crp_nope',
      'Bearer ',
      'Basic abc',
      'Bearer ' + 'x'.repeat(5000),
    ]) {
      const response = await client.get('/api/v1/users/profile').header('authorization', header)
      response.assertStatus(401)
    }
  })

  test('a web session cookie never authenticates an API call', async ({ client }) => {
    const user = await UserFactory.apply('verified').create()

    const response = await client.get('/api/v1/users/profile').withGuard('web').loginAs(user)

    response.assertStatus(401)
  })

  test('an expired token answers 401', async ({ client }) => {
    const { user, authorization } = await memberWithToken()
    await db
      .from('auth_access_tokens')
      .where('tokenable_id', user.id)
      .update({ expires_at: new Date(Date.now() - 1000) })

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)

    response.assertStatus(401)
  })

  test('a deactivated member answers 403 ACCOUNT_INACTIVE', async ({ client }) => {
    const user = await UserFactory.apply('inactive').create()

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', await bearerFor(user))

    response.assertStatus(403)
    response.assertBodyContains({ error: { code: 'ACCOUNT_INACTIVE' } })
  })

  test('a token of a deleted account answers 401', async ({ client }) => {
    const user = await UserFactory.apply('deleted').create()

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', await bearerFor(user))

    response.assertStatus(401)
  })

  test('a personal token reaches only what its abilities allow: 403 FORBIDDEN otherwise', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('verified').create()
    const token = await CreateApiToken.handle(user, {
      name: 'read-only script',
      abilities: ['read'],
      expiresInDays: 30,
    })
    const authorization = `Bearer ${token.value!.release()}`

    const read = await client.get('/api/v1/users/profile').header('authorization', authorization)
    const write = await client
      .put('/api/v1/users/profile')
      .header('authorization', authorization)
      .json({ bio: 'hello' })

    read.assertStatus(200)
    write.assertStatus(403)
    assert.equal(write.body().error.code, 'FORBIDDEN')
    assert.include(write.body().error.message, 'write')
  })
})

test.group('POST /api/v1/auth/logout', (group) => {
  isolateDatabase(group)

  test('revokes the token used and only that one', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const other = await bearerFor(user)

    const response = await client.post('/api/v1/auth/logout').header('authorization', authorization)
    const after = await client.get('/api/v1/users/profile').header('authorization', authorization)
    const stillValid = await client.get('/api/v1/users/profile').header('authorization', other)

    response.assertStatus(200)
    assert.isNull(response.body().data)
    assert.isString(response.body().message)
    after.assertStatus(401)
    stillValid.assertStatus(200)
  })

  test('without a token answers 401', async ({ client }) => {
    const response = await client.post('/api/v1/auth/logout')

    response.assertStatus(401)
  })
})

test.group('POST /api/v1/auth/refresh-token', (group) => {
  isolateDatabase(group)

  test('answers a new token and revokes the old one', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .post('/api/v1/auth/refresh-token')
      .header('authorization', authorization)

    response.assertStatus(200)
    const fresh = `Bearer ${response.body().data.token}`
    assert.notEqual(fresh, authorization)
    assert.isString(response.body().data.expiresAt)
    const old = await client.get('/api/v1/users/profile').header('authorization', authorization)
    const renewed = await client.get('/api/v1/users/profile').header('authorization', fresh)
    old.assertStatus(401)
    renewed.assertStatus(200)
    assert.lengthOf(await User.accessTokens.all(user), 1)
  })

  test('keeps the name, abilities and "never expires" of a personal token', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('verified').create()
    const token = await CreateApiToken.handle(user, {
      name: 'ci',
      abilities: ['read', 'wallet'],
      expiresInDays: null,
    })

    const response = await client
      .post('/api/v1/auth/refresh-token')
      .header('authorization', `Bearer ${token.value!.release()}`)

    response.assertStatus(200)
    assert.isNull(response.body().data.expiresAt)
    const [renewed] = await User.accessTokens.all(user)
    assert.equal(renewed.name, 'ci')
    assert.deepEqual(renewed.abilities, ['read', 'wallet'])
    assert.isNull(renewed.expiresAt)
  })

  test('without a token answers 401', async ({ client }) => {
    const response = await client.post('/api/v1/auth/refresh-token')

    response.assertStatus(401)
  })
})

test.group('Token "last used"', (group) => {
  isolateDatabase(group)

  async function lastUsedOf(user: User) {
    const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    return row.last_used_at === null ? null : new Date(row.last_used_at).getTime()
  }

  test('is recorded on use, then at most once a minute', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    assert.isNull(await lastUsedOf(user))

    const first = await client.get('/api/v1/users/profile').header('authorization', authorization)
    first.assertStatus(200)
    const recorded = await lastUsedOf(user)
    assert.closeTo(recorded!, Date.now(), 5000)

    // Pretend it was 30 s ago: within the minute, nothing is written.
    const thirtySecondsAgo = new Date(Date.now() - 30_000)
    await db
      .from('auth_access_tokens')
      .where('tokenable_id', user.id)
      .update({ last_used_at: thirtySecondsAgo })
    const second = await client.get('/api/v1/users/profile').header('authorization', authorization)
    second.assertStatus(200)
    assert.equal(await lastUsedOf(user), thirtySecondsAgo.getTime())

    // Two minutes ago: the next call records it again.
    await db
      .from('auth_access_tokens')
      .where('tokenable_id', user.id)
      .update({ last_used_at: new Date(Date.now() - 120_000) })
    const third = await client.get('/api/v1/users/profile').header('authorization', authorization)
    third.assertStatus(200)
    assert.closeTo((await lastUsedOf(user))!, Date.now(), 5000)
  })

  test('a wrong secret for a real token id leaves it untouched', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const [id] = authorization.slice('Bearer crp_'.length).split('.')
    const forged = `Bearer crp_${id}.${'A'.repeat(40)}`

    const response = await client.get('/api/v1/users/profile').header('authorization', forged)

    response.assertStatus(401)
    assert.isNull(await lastUsedOf(user))
  })
})
