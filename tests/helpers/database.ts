import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import type { Group } from '@japa/runner/core'

/**
 * Each test of the group runs inside a transaction that is rolled back;
 * the HTTP server and open event streams share it (one process). The
 * limiter's database store writes through its own connection, outside that
 * transaction, so rate-limit counters are cleared around each test too:
 * otherwise one spec's sign-in attempts would throttle the next.
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
