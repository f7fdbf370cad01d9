import { fileURLToPath } from 'node:url'
import env from '#start/env'
import { defineConfig, drivers, exponentialBackoff } from '@adonisjs/queue'

/**
 * Background jobs (docs/jobs.md). The queue lives in the app's own
 * PostgreSQL unless Redis is configured (REDIS_HOST) or QUEUE_DRIVER says
 * otherwise; tests run jobs inline (`sync`) where they are relayed.
 * Mail and other work that follows a change is written to `job_outbox` in
 * the change's transaction first (app/services/outbox.ts), so the queue only
 * ever carries ids.
 */
const inTest = env.get('NODE_ENV') === 'test'

const queueConfig = defineConfig({
  default: env.get('QUEUE_DRIVER', inTest ? 'sync' : env.get('REDIS_HOST') ? 'redis' : 'database'),

  adapters: {
    database: drivers.database({ tableName: 'queue_jobs' }),
    redis: drivers.redis({ connectionName: 'queue' }),
    sync: drivers.sync(),
  },

  /**
   * Five more tries over about five minutes (10 s, 20 s, 40 s, 80 s, 160 s),
   * well inside the outbox's re-relay window (RELAY_AGAIN_AFTER in
   * app/services/outbox.ts). Tests run jobs inline, where a backoff is a
   * sleep in the test: milliseconds there.
   */
  retry: {
    maxRetries: 5,
    backoff: exponentialBackoff({
      baseDelay: inTest ? '10ms' : '10s',
      maxDelay: '5m',
      multiplier: 2,
      jitter: true,
    }),
  },

  defaultJobOptions: {
    timeout: '2m',
    removeOnComplete: true,
    // Failures are kept in job_outbox instead (node ace jobs:failed), where
    // a retry is not blocked by the deduplication of the failed copy.
    removeOnFail: true,
  },

  worker: {
    concurrency: 5,
    idleDelay: '1s',
  },

  locations: [fileURLToPath(new URL('../app/jobs/*_job.{ts,js}', import.meta.url))],
})

export default queueConfig
