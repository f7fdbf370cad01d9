import { assert } from '@japa/assert'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { spec } from '@japa/runner/reporters'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { summaryReporter } from '#tests/helpers/summary_reporter'
import { launchChromium } from '#tests/helpers/browser'
/**
 * Every /api/v1 response in every suite is checked against the OpenAPI document.
 */
import '#tests/helpers/openapi'
import { storeSessionClient } from '#tests/helpers/session_client'

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  shieldApiClient(),
  sessionApiClient(app),
  storeSessionClient(app),
  authApiClient(app),
  browserClient({ runInSuites: ['browser'], launcher: launchChromium }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary'],
  list: [spec(), summaryReporter],
}

/**
 * One database for the whole run: migrated once, each test wrapped in a
 * rolled-back transaction (tests/helpers/database.ts), and migrated back
 * down at the end. The run owns this database, so the migrator's advisory
 * lock is left out: it takes and releases that session lock through any
 * pooled connection, and once a suite has left several connections in the
 * pool the release can land on another one and fail the run after every
 * test passed ("unable to release database lock", seen 1 run in 3 of
 * tests/functional/shop/shop.spec.ts alone).
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await migration('migration:run')
      return () => migration('migration:reset')
    },
  ],
  teardown: [],
}

async function migration(command: 'migration:run' | 'migration:reset') {
  const ace = await app.container.make('ace')
  const run = await ace.exec(command, [
    '--compact-output',
    '--no-schema-generate',
    '--disable-locks',
  ])
  if (run.exitCode) throw run.error ?? new Error(`${command} failed`)
}

/**
 * Throttles count requests per IP, and every test comes from 127.0.0.1: each
 * test starts with empty counters so one test's attempts never throttle the next.
 */
export const configureSuite: Config['configureSuite'] = (suite) => {
  suite.onGroup((group) => group.each.setup(() => limiter.clear()))
  suite.onTest((test) => test.setup(() => limiter.clear()))
  if (['browser', 'functional', 'e2e'].includes(suite.name)) {
    return suite.setup(async () => {
      const close = await testUtils.httpServer().start()
      return async () => {
        /**
         * Live-update streams (server-sent events) from pages still open in
         * the browser never end by themselves: drop them, or close() waits
         * for them forever.
         */
        const server = await app.container.make('server')
        server.getNodeServer()?.closeAllConnections()
        await close()
        // Streams that just closed leave the teams' presence now, while the
        // test database is still there.
        const { default: presence } = await import('#services/presence')
        await presence.settle()
      }
    })
  }
}
