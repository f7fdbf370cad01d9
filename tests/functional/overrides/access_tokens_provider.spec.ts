import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Secret } from '@adonisjs/core/helpers'
import {
  AccessToken,
  AccessTokensLucidUserProvider,
  DbAccessTokensProvider,
} from '@adonisjs/auth/access_tokens'
import User from '#models/user'
import { AccessTokensProvider, TokensUserProvider } from '#overrides/access_tokens_provider'
import { overrides } from '#overrides/index'
import { assertPinned } from '#tests/helpers/overrides'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'

async function lastUsedOf(user: User) {
  const row = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
  return row.last_used_at
}

/**
 * A real token's id with a secret that does not match it.
 */
function forged(authorization: string) {
  const [id] = authorization.slice('Bearer crp_'.length).split('.')
  return new Secret(`crp_${id}.${'A'.repeat(40)}`)
}

/**
 * app/overrides/access_tokens_provider.ts replaces DbAccessTokensProvider's
 * `verify`, using the provider's protected members.
 */
test.group('Override contract: access tokens provider (@adonisjs/auth)', (group) => {
  isolateDatabase(group)

  test('@adonisjs/auth is installed and pinned at the version the override targets', async ({
    assert,
  }) => {
    await assertPinned(assert, overrides.accessTokensProvider)
  })

  test('what the override relies on keeps its shape', ({ assert }) => {
    const library = DbAccessTokensProvider.prototype as unknown as Record<string, Function>
    assert.lengthOf(library.verify, 1)
    assert.lengthOf(library.getDb, 0)
    assert.lengthOf(library.dbRowToAccessToken, 1)
    assert.isFunction(AccessToken.decode)
    for (const method of ['verify', 'isExpired'] as const) {
      assert.isFunction(AccessToken.prototype[method])
    }

    const provider = User.accessTokens as unknown as Record<string, unknown>
    assert.instanceOf(User.accessTokens, AccessTokensProvider)
    for (const member of ['prefix', 'table', 'type']) assert.isString(provider[member], member)
    assert.equal(provider.table, 'auth_access_tokens')

    const users = AccessTokensLucidUserProvider.prototype as unknown as Record<string, Function>
    for (const method of ['verifyToken', 'findById', 'getTokensProvider', 'createUserForGuard']) {
      assert.isFunction(users[method], method)
    }
  })

  test('the library still writes "last used" before checking the secret (when this fails, upstream fixed it: drop the override)', async ({
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()

    const verified = await DbAccessTokensProvider.prototype.verify.call(
      User.accessTokens,
      forged(authorization)
    )

    assert.isNull(verified)
    assert.isNotNull(await lastUsedOf(user))
  })

  test('in effect: a forged secret records nothing, the real one records its use', async ({
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()

    assert.isNull(await User.accessTokens.verify(forged(authorization)))
    assert.isNull(await lastUsedOf(user))

    const real = new Secret(authorization.slice('Bearer '.length))
    const token = await User.accessTokens.verify(real)
    assert.equal(token?.tokenableId, user.id)
    assert.isNotNull(await lastUsedOf(user))
  })

  test('in effect: an API call reads its token and member in one query', async ({
    assert,
    client,
  }) => {
    const { user, authorization } = await memberWithToken()
    await User.accessTokens.verify(new Secret(authorization.slice('Bearer '.length)))
    const queries: string[] = []
    const listener = (query: { sql: string }) => queries.push(query.sql)
    const knex = db.connection().getWriteClient()
    knex.on('query', listener)
    try {
      const response = await client
        .get('/api/v1/wallet/balance')
        .header('Authorization', authorization)
      response.assertStatus(200)
    } finally {
      knex.off('query', listener)
    }
    const reads = queries.filter((sql) => /"auth_access_tokens"|"users"/.test(sql))
    assert.lengthOf(reads, 1, reads.join('\n'))
    assert.include(reads[0], 'join "users"')

    const provider = new TokensUserProvider({
      tokens: 'accessTokens',
      model: async () => ({ default: User }),
    })
    const token = await provider.verifyToken(new Secret(authorization.slice('Bearer '.length)))
    const guardUser = await provider.findById(token!.tokenableId)
    assert.equal(guardUser?.getId(), user.id)
  })
})
