import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import redisConfig from '#config/redis'

/**
 * Live events (D2) over server-sent events. With REDIS_HOST set, every
 * broadcast also goes through Redis to the other app processes, which
 * deliver it to the streams they hold (README: load balancing).
 *
 * The ping keeps idle streams alive through proxies that close quiet
 * connections, and lets the server notice clients that went away.
 */
export default defineConfig({
  pingInterval: '25s',
  transport: env.get('REDIS_HOST')
    ? { driver: redis(redisConfig.connections.main), channel: 'corps::transmit' }
    : null,
})
