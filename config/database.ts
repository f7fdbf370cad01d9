import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { existsSync, readFileSync } from 'node:fs'
import { prepareStatements } from '#overrides/prepared_statements'

/**
 * Without DATABASE_URL or DB_HOST, Corps uses the embedded PostgreSQL that
 * `npm run dev` / `npm test` start (bin/support/database.ts); its port is in
 * tmp/postgres/<environment>.port (5432 when none is running, so the error
 * is the usual "connection refused").
 */
function embeddedPort() {
  const portFile = app.tmpPath('postgres', `${app.inTest ? 'test' : 'development'}.port`)
  return existsSync(portFile) ? Number(readFileSync(portFile, 'utf-8')) : 5432
}

function connection() {
  const database = app.inTest
    ? env.get('DB_TEST_DATABASE', 'corps_test')
    : env.get('DB_DATABASE', 'corps')
  const url = env.get('DATABASE_URL')
  if (url) {
    return app.inTest ? { connectionString: url, database } : { connectionString: url }
  }
  const host = env.get('DB_HOST')
  if (host) {
    return {
      host,
      port: env.get('DB_PORT', 5432),
      user: env.get('DB_USER', 'postgres'),
      password: env.get('DB_PASSWORD'),
      database,
    }
  }
  return {
    host: '127.0.0.1',
    port: embeddedPort(),
    user: 'postgres',
    password: 'postgres',
    database,
  }
}

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: true,
  connections: {
    postgres: {
      client: 'pg',
      connection: connection(),
      pool: {
        min: 0,
        max: 10,
        // Parameterized queries become prepared statements (parsed and
        // planned once per connection): app/overrides/prepared_statements.ts.
        afterCreate(client: Parameters<typeof prepareStatements>[0], done: Function) {
          done(null, prepareStatements(client))
        },
      },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      schemaGeneration: {
        rulesPaths: ['#database/schema_rules'],
      },
    },
    /**
     * The rate limiter's own small pool on the same database
     * (config/limiter.ts). Its store keeps the client it was created with:
     * from the primary connection that could be a test's global transaction,
     * whose connection the store would go on using after the rollback.
     */
    limiter: {
      client: 'pg',
      connection: connection(),
      pool: { min: 0, max: 4 },
    },
  },
})

export default dbConfig
