import db from '@adonisjs/lucid/services/db'
import { DbCheck } from '@adonisjs/lucid/database'
import { HealthChecks, MemoryHeapCheck } from '@adonisjs/core/health'

/**
 * Readiness: the database answers and the heap is not about to run out.
 * Built per run so the check always uses the connection as it is now (a test's
 * global transaction, for instance, must not be captured for good).
 */
export function healthChecks() {
  return new HealthChecks().register([
    new DbCheck(db.connection()),
    new MemoryHeapCheck().warnWhenExceeds('400 mb').failWhenExceeds('700 mb'),
  ])
}
