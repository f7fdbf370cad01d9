/*
|--------------------------------------------------------------------------
| What the benchmarks share
|--------------------------------------------------------------------------
|
| Building the app, the database they use, and starting the production
| server the way production starts it: the build's own `npm start` line
| (package.json), so tuning that lives there (Node flags, allocator
| settings) is what gets measured.
*/
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { AccessToken } from '@adonisjs/auth/access_tokens'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function log(message: string) {
  process.stdout.write(`${message}\n`)
}

export type Database = {
  host: string
  port: number
  user: string
  password: string
  database: string
}

/**
 * The server from DB_HOST/DB_PORT/DB_USER/DB_PASSWORD (127.0.0.1:5432,
 * postgres), with the given database name.
 */
export function databaseNamed(name: string): Database {
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USER ?? 'postgres',
    password: process.env.DB_PASSWORD ?? '',
    database: name,
  }
}

export async function recreateDatabase(database: Database) {
  const admin = new pg.Client({ ...database, database: 'postgres' })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database.database}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${database.database}"`)
  await admin.end()
}

/**
 * `node ace build` into `outDir` (a folder of its own, through a throwaway
 * tsconfig, so that two benchmarks never race one build).
 */
export function build(outDir: string) {
  const tsconfig = join(ROOT, `tsconfig.bench-${process.pid}.json`)
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { outDir: `./${relative(ROOT, outDir)}` },
    })
  )
  try {
    log('Building (node ace build)…')
    const result = spawnSync(
      process.execPath,
      ['ace', 'build', '--ignore-ts-errors', `--tsconfig=${basename(tsconfig)}`],
      { cwd: ROOT, encoding: 'utf-8' }
    )
    if (result.status !== 0) {
      throw new Error(`Build failed:\n${result.error ?? ''}${result.stdout}${result.stderr}`)
    }
  } finally {
    rmSync(tsconfig, { force: true })
  }
}

/**
 * The environment of a production server on `port` against `database`.
 */
export function productionEnv(port: number, database: Database): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    TZ: 'UTC',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEY: randomBytes(32).toString('base64url'),
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'memory',
    // A benchmark measures throughput: one member sends thousands of tips and
    // API calls, far past the per-member budgets of docs/limits.md.
    MEMBER_LIMITS: 'off',
    MAIL_MAILER: 'capture',
    DB_HOST: database.host,
    DB_PORT: String(database.port),
    DB_USER: database.user,
    DB_PASSWORD: database.password,
    DB_DATABASE: database.database,
  }
}

/**
 * The build's `npm start` line (`VAR=value … node [flags] bin/server.js`)
 * as environment, Node flags and script, so the server can be spawned
 * directly: the benchmark needs its process id (memory, kill -9), which
 * `npm start` would hide behind npm and a shell.
 */
export function startCommand(buildDir: string) {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'package.json'), 'utf-8'))
  const words: string[] = manifest.scripts.start.split(/\s+/).filter(Boolean)
  const env: Record<string, string> = {}
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=')
    env[name] = value.join('=')
  }
  if (words.shift() !== 'node') throw new Error('`npm start` must run node')
  return { env, args: words }
}

/**
 * Starts the production server of `buildDir` (see startCommand) and waits
 * until it answers. Its output goes to `output` (a file) or to ours.
 */
export async function startProduction(
  buildDir: string,
  env: NodeJS.ProcessEnv,
  output?: string
): Promise<ChildProcess> {
  const command = startCommand(buildDir)
  const stdio = output ? openSync(output, 'w') : 'inherit'
  const server = spawn(process.execPath, command.args, {
    cwd: buildDir,
    env: { ...process.env, ...command.env, ...env },
    stdio: ['ignore', stdio, stdio],
  })
  const port = env.PORT
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`The server on port ${port} exited`)
    const alive = await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null)
    if (alive?.ok) return server
    await sleep(100)
  }
  throw new Error(`The server on port ${port} did not start`)
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((done) => server.once('exit', done))
  server.kill('SIGTERM')
  await Promise.race([exited, sleep(5000)])
  if (server.exitCode === null) server.kill('SIGKILL')
}

/**
 * The p-th percentile (0–100, nearest rank) of an ascending list.
 */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/**
 * CPU time (user + system, ms) each process has used so far, from Linux's
 * /proc (clock ticks of 10 ms); processes that are gone are left out.
 */
function cpuMsOf(pids: number[]) {
  const used = new Map<number, number>()
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf-8').split(') ')[1].split(' ')
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10)
    } catch {}
  }
  return used
}

/**
 * The local PostgreSQL server's processes (its backends included).
 */
function postgresPids() {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf-8').trim() === 'postgres')
        pids.push(Number(entry))
    } catch {}
  }
  return pids
}

/**
 * CPU used since `before` by the processes of `after`; one that started in
 * between counts from 0.
 */
function cpuSince(before: Map<number, number>, after: Map<number, number>) {
  let total = 0
  for (const [pid, used] of after) total += used - (before.get(pid) ?? 0)
  return total
}

/**
 * Measures the CPU the app's servers, a local PostgreSQL and this process
 * (the load generator) use from now to `stop(units)`, per unit of work (a
 * request, a transfer), and the share of the machine left idle: where a
 * request's time goes on a machine whose cores they share. Null where
 * /proc is not readable; the PostgreSQL figure means something only when
 * the database runs on this machine, and misses backends that ended in
 * between.
 */
export function cpuMeter(servers: ChildProcess[]) {
  if (process.platform !== 'linux') return { stop: () => null }
  const appPids = servers.map((server) => server.pid!).filter(Boolean)
  const appBefore = cpuMsOf(appPids)
  const postgresBefore = cpuMsOf(postgresPids())
  const loadBefore = process.cpuUsage()
  const machineBefore = machineTicks()
  return {
    stop(units: number) {
      if (!units) return null
      const load = process.cpuUsage(loadBefore)
      const machine = machineTicks()
      return {
        app: cpuSince(appBefore, cpuMsOf(appPids)) / units,
        postgres: cpuSince(postgresBefore, cpuMsOf(postgresPids())) / units,
        loadGenerator: (load.user + load.system) / 1000 / units,
        idle: (machine.idle - machineBefore.idle) / (machine.total - machineBefore.total),
      }
    },
  }
}

/**
 * The machine's CPU ticks so far, all and idle (/proc/stat's first line).
 */
function machineTicks() {
  const ticks = readFileSync('/proc/stat', 'utf-8').split('\n')[0].trim().split(/\s+/).slice(1)
  const numbers = ticks.map(Number)
  return { total: numbers.reduce((sum, value) => sum + value, 0), idle: numbers[3] + numbers[4] }
}

/**
 * `node ace <args>` of a build, with its exit code and output.
 */
export function ace(buildDir: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [join(buildDir, 'ace.js'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf-8',
  })
  return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}` }
}

export type SeededMember = { id: string; tokens: string[] }

/**
 * `count` members `<prefix>1…` with verified emails, settings, a wallet
 * funded with `funding` each (one balanced entry from the treasury, through
 * the same triggers as every movement) and `tokensEach` API tokens each
 * (so that every client connection can use its own), in one transaction.
 */
export async function seedMembers(
  database: Database,
  options: { prefix: string; count: number; funding: string; tokensEach?: number }
): Promise<SeededMember[]> {
  const { prefix, count, funding, tokensEach = 1 } = options
  const client = new pg.Client(database)
  await client.connect()
  await client.query('BEGIN')
  const { rows: users } = await client.query<{ id: string }>(
    `INSERT INTO users (username, email, password, email_verified_at)
     SELECT $2 || n, $2 || n || '@bench.test', 'not-a-login', now()
       FROM generate_series(1, $1) AS n
     RETURNING id`,
    [count, prefix]
  )
  const ids = users.map((user) => user.id)
  await client.query(
    `INSERT INTO user_settings (user_id) SELECT id FROM unnest($1::uuid[]) AS id`,
    [ids]
  )
  await client.query(
    `INSERT INTO ledger_accounts (kind, user_id) SELECT 'WALLET', id FROM unnest($1::uuid[]) AS id`,
    [ids]
  )
  await client.query(`INSERT INTO ledger_accounts (kind, code) VALUES ('TREASURY', 'treasury')
    ON CONFLICT (code) WHERE code IS NOT NULL DO NOTHING`)
  await client.query(
    `WITH entry AS (
       INSERT INTO ledger_entries (kind, description) VALUES ('TRANSFER', 'Benchmark funding') RETURNING id
     )
     INSERT INTO ledger_postings (entry_id, account_id, amount)
     SELECT entry.id, account.id,
            CASE WHEN account.kind = 'TREASURY' THEN -$1::numeric * $2 ELSE $1::numeric END
       FROM entry, ledger_accounts AS account
      WHERE account.kind = 'TREASURY' OR account.user_id = ANY($3::uuid[])`,
    [funding, count, ids]
  )

  const members: SeededMember[] = ids.map((id) => ({ id, tokens: [] }))
  const pending = members.flatMap((member) =>
    Array.from({ length: tokensEach }, () => ({ member, ...AccessToken.seed(40) }))
  )
  const encode = (value: string) => Buffer.from(value).toString('base64url')
  for (let offset = 0; offset < pending.length; offset += 5000) {
    const batch = pending.slice(offset, offset + 5000)
    const values = batch
      .map((_, i) => `($${i * 2 + 1}, 'auth_token', $${i * 2 + 2}, '["*"]', now(), now())`)
      .join(', ')
    const { rows: tokenIds } = await client.query<{ id: number }>(
      `INSERT INTO auth_access_tokens (tokenable_id, type, hash, abilities, created_at, updated_at)
       VALUES ${values} RETURNING id`,
      batch.flatMap(({ member, hash }) => [member.id, hash])
    )
    batch.forEach(({ member, secret }, i) => {
      member.tokens.push(`crp_${encode(String(tokenIds[i].id))}.${encode(secret.release())}`)
    })
  }
  await client.query('COMMIT')
  await client.end()
  return members
}
