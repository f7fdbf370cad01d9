import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import redisConfig from '#config/redis'

/**
 * Live events (D2) over server-sent events. With REDIS_HOST set, every
 * broadcast also goes through Redis to the other app processes, which
 * deliver it to the streams they hold (README: load balancing).
 *
 * Idle streams are pinged by app/overrides/live_streams.ts, a slice of them
 * every second, rather than by Transmit, which pings them all at once.
 */
export default defineConfig({
  pingInterval: false,
  transport: env.get('REDIS_HOST')
    ? { driver: redis(redisConfig.connections.main), channel: 'corps::transmit' }
    : null,
})
