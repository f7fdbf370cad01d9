import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'

/**
 * Each test of the group runs inside a transaction that is rolled back;
 * the HTTP server and open event streams share it (one process). Rate-limit
 * counters, which the limiter writes outside that transaction, are emptied
 * before every test by tests/bootstrap.ts.
 */
export function isolateDatabase(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
}
