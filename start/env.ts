/*
|--------------------------------------------------------------------------
| Environment variables service
|--------------------------------------------------------------------------
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  HOST: Env.schema.string({ format: 'host' }),
  LOG_LEVEL: Env.schema.string(),
  TRUSTED_PROXIES: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'database'] as const),
  LIMITER_STORE: Env.schema.enum(['database', 'memory'] as const),
  // Per-member budgets (docs/limits.md); only benchmarks turn them off.
  MEMBER_LIMITS: Env.schema.enum.optional(['on', 'off'] as const),
  MAIL_MAILER: Env.schema.enum(['capture', 'smtp'] as const),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),

  QUEUE_DRIVER: Env.schema.enum.optional(['database', 'redis', 'sync'] as const),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),

  DATABASE_URL: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  DB_TEST_DATABASE: Env.schema.string.optional(),
})
