import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Redis is optional: set REDIS_HOST to run several app processes that share
 * live notifications (config/transmit.ts) and, if wanted, rate limits and
 * the job queue.
 * Without it nothing connects to Redis.
 */
const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD', ''),
      db: 0,
      keyPrefix: '',
      retryStrategy: (times) => Math.min(times * 100, 2000),
    },
    /**
     * The job queue's keys, when the queue is in Redis (config/queue.ts),
     * apart from anything else in the same Redis database.
     */
    queue: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD', ''),
      db: 0,
      keyPrefix: 'corps::queue::',
      retryStrategy: (times) => Math.min(times * 100, 2000),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
