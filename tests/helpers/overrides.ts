import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Assert } from '@japa/assert'
import type { Override } from '#overrides/index'

async function packageJson(...path: string[]) {
  return JSON.parse(await readFile(app.makePath(...path, 'package.json'), 'utf8'))
}

/**
 * The override's libraries are installed, and pinned in package.json, at
 * exactly the versions it was written against (app/overrides/index.ts).
 */
export async function assertPinned(assert: Assert, override: Override) {
  const { dependencies } = await packageJson()
  for (const [name, version] of Object.entries(override.targets)) {
    assert.equal(dependencies[name], version, `package.json pins ${name}`)
    const installed = await packageJson('node_modules', name)
    assert.equal(installed.version, version, `installed ${name}`)
  }
}

export type PgClient = {
  query: (config: { text: string; values?: unknown[] }) => Promise<{ rows: any[] }>
}
type AfterCreate = (raw: unknown, done: (error: Error | null, client: PgClient) => void) => void

/**
 * A new database connection, set up by the pool's own `afterCreate` from
 * config/database.ts, for the test's duration. Prepared statements belong to
 * a connection, and a pooled one carries what earlier tests prepared on it
 * (possibly up to the bound), so each test starts from an empty one.
 */
export async function withFreshConnection(work: (client: PgClient) => Promise<void>) {
  const knex = db.connection().getWriteClient()
  const pool = app.config.get<{ afterCreate: AfterCreate }>('database.connections.postgres.pool')
  const raw = await knex.client.acquireRawConnection()
  try {
    const client = await new Promise<PgClient>((resolve, reject) =>
      pool.afterCreate(raw, (error, wired) => (error ? reject(error) : resolve(wired)))
    )
    await work(client)
  } finally {
    await knex.client.destroyRawConnection(raw)
  }
}

export async function preparedOn(client: PgClient) {
  const { rows } = await client.query({
    text: 'SELECT name, statement FROM pg_prepared_statements',
  })
  return rows as { name: string; statement: string }[]
}
