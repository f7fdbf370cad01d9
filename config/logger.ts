import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, destination, targets } from '@adonisjs/core/logger'

/**
 * JSON lines in production (request id on every line of a request), pretty
 * output in development. Anything that could carry a secret is redacted.
 */
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'corps',
      level: env.get('LOG_LEVEL'),
      redact: {
        paths: [
          'password',
          '*.password',
          'passwordConfirmation',
          '*.passwordConfirmation',
          'token',
          '*.token',
          'secret',
          '*.secret',
          'headers.authorization',
          'headers.cookie',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      /**
       * JSON lines straight to stdout in production and tests: a transport
       * would run in a worker thread, a second JavaScript engine whose
       * memory writing lines does not need (the asynchronous destination
       * flushes on exit). Pretty output in
       * development goes through its transport.
       */
      ...(app.inProduction || app.inTest
        ? { destination: destination({ dest: 1, sync: false }) }
        : { transport: { targets: targets().push(targets.pretty()).toArray() } }),
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
