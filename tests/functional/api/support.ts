import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'

/**
 * Each test runs inside a transaction that is rolled back. The limiter's
 * database store writes through its own connection, outside that
 * transaction, so rate-limit counters are cleared around each test too:
 * otherwise one spec's sign-in attempts would throttle the next spec.
 */
export function isolateDatabase(group: Group) {
  group.each.setup(async () => {
    await limiter.clear()
    const rollback = await testUtils.db().withGlobalTransaction()
    return async () => {
      await rollback()
      await limiter.clear()
    }
  })
}

export async function bearerFor(user: User, abilities: string[] = ['*']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

export async function memberWithToken(abilities: string[] = ['*']) {
  const user = await UserFactory.apply('verified').create()
  return { user, authorization: await bearerFor(user, abilities) }
}
