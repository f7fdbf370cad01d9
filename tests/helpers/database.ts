import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
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

/**
 * The limiter's database store keeps the query client it was created with,
 * and while a test's global transaction is open `db.connection()` is that
 * transaction. A store first used inside one would keep the transaction's
 * connection after the rollback; once the pool closes it as idle, every
 * rate-limited request fails ("Client was closed and is not queryable").
 * Stores are therefore always created outside the global transaction.
 */
export function createLimiterStoresOutsideTransactions() {
  const use = limiter.use.bind(limiter) as (...args: unknown[]) => unknown
  limiter.use = ((...args: unknown[]) => {
    const open = new Map(db.connectionGlobalTransactions)
    db.connectionGlobalTransactions.clear()
    try {
      return use(...args)
    } finally {
      for (const [name, transaction] of open) db.connectionGlobalTransactions.set(name, transaction)
    }
  }) as typeof limiter.use
}
