import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Secret } from '@adonisjs/core/helpers'
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import User from '#models/user'
import { AccessTokensProvider } from '#overrides/access_tokens_provider'
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
})
