/*
|--------------------------------------------------------------------------
| npm run bench:ledger
|--------------------------------------------------------------------------
|
| Tips over HTTP against a production build, on a fresh database:
|
|   spread  many clients tip between 1,000 funded members
|   hot     the same clients tip among 10 members only (row-lock contention)
|   crash   load, `kill -9` the servers mid-run, restart them, verify
|   engine  the same transfers straight through app/ledger (the built app
|           booted in this process), spread and hot: what the money engine
|           does without HTTP, auth, history lines and notifications
|
| After each run: transfers/s, latency percentiles, errors, deadlocks (from
| pg_stat_database), `node ace ledger:verify`, and checks that money was
| conserved and that every acknowledged tip is in the ledger.
|
| Options: --mode=spread|hot|crash|engine|all (all), --duration=15 (seconds),
| --warmup=3 (seconds of tips before each spread and hot run, not counted),
| --connections=64, --processes=<cores> (app processes behind the benchmark's
| "load balancer": clients are spread over them, as in a scaled-out deployment; one per
| core, as Node is deployed; with more than one they share live broadcasts
| through Redis, REDIS_HOST/REDIS_PORT or 127.0.0.1:6379 when it answers),
| --users=1000, --hot=10,
| --skip-build. Database: DB_HOST/DB_PORT/DB_USER/DB_PASSWORD (127.0.0.1,
| postgres) and BENCH_DATABASE (corps_bench, dropped and recreated).
| Servers listen from BENCH_PORT (4199) upwards.
|
| Plain Node (type stripping): it drives the build from outside, like a user.
*/
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { Ignitor } from '@adonisjs/core'
import {
  ROOT,
  build,
  databaseNamed,
  log,
  percentile,
  productionEnv,
  recreateDatabase,
  ace,
  cpuMeter,
  seedMembers,
  startProduction,
  stopServer,
  type SeededMember,
} from './support.ts'
import { reachable } from '../tests/helpers/network.ts'

const BUILD = join(ROOT, 'build')

const { values: options } = parseArgs({
  options: {
    'mode': { type: 'string', default: 'all' },
    'duration': { type: 'string', default: '15' },
    'warmup': { type: 'string', default: '3' },
    'connections': { type: 'string', default: '64' },
    'processes': { type: 'string', default: String(availableParallelism()) },
    'users': { type: 'string', default: '1000' },
    'hot': { type: 'string', default: '10' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const DURATION = Number(options.duration)
const WARMUP = Number(options.warmup)
const CONNECTIONS = Number(options.connections)
const PROCESSES = Number(options.processes)
const USERS = Number(options.users)
const HOT = Number(options.hot)
const FUNDING = '100000.00'

const database = databaseNamed(process.env.BENCH_DATABASE ?? 'corps_bench')
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 4199)
const PORTS = Array.from({ length: PROCESSES }, (_, index) => FIRST_PORT + index)

const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...productionEnv(FIRST_PORT, database) }

/**
 * Several processes share live notifications through Redis in production
 * (README, "Live updates and several processes"): so do they here, when a
 * Redis answers, each tip's notice then costs its publish too.
 */
async function shareBroadcasts() {
  if (PROCESSES < 2) return 'one process: broadcasts stay in it'
  const host = process.env.REDIS_HOST ?? '127.0.0.1'
  const port = Number(process.env.REDIS_PORT ?? 6379)
  if (!(await reachable(host, port))) {
    return `no Redis at ${host}:${port}: each process broadcasts only to its own clients`
  }
  serverEnv.REDIS_HOST = host
  serverEnv.REDIS_PORT = String(port)
  return `broadcasts shared through Redis at ${host}:${port}`
}

type Member = SeededMember

type SentTip = { port: number; headers: Record<string, string>; body: string }

type RunResult = {
  name: string
  seconds: number
  transfers: number
  refused: number
  errors: number
  latencies: number[]
  deadlocks: number
  entries: number
}

async function query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
  const client = new pg.Client(database)
  await client.connect()
  try {
    const result = await client.query<Row>(sql, params)
    return result.rows
  } finally {
    await client.end()
  }
}

function startServers(): Promise<ChildProcess[]> {
  return Promise.all(
    PORTS.map((port) => startProduction(BUILD, { ...serverEnv, PORT: String(port) }))
  )
}

async function stopServers(servers: ChildProcess[]) {
  await Promise.all(servers.map(stopServer))
}

async function counters() {
  const [row] = await query<{ deadlocks: string; entries: string }>(
    `SELECT (SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()) AS deadlocks,
            (SELECT count(*) FROM ledger_entries WHERE kind = 'TRANSFER') AS entries`
  )
  return { deadlocks: Number(row.deadlocks), entries: Number(row.entries) }
}

/**
 * Each connection is one client device: its own token for every member it
 * may act as, and its own address (the app trusts X-Forwarded-For as if
 * behind a load balancer), so the per-address API throttle models many
 * people rather than capping one test machine. Connections are spread
 * evenly over the app processes.
 */
async function load(
  name: string,
  members: Member[],
  pick: () => [number, number],
  plan: {
    duration: number
    onStart?: (stop: () => void) => void
    /** Send each tip with its own Idempotency-Key, remembered here. */
    keyed?: Map<string, SentTip>
  }
): Promise<RunResult> {
  const before = await counters()
  const result = { transfers: 0, refused: 0, errors: 0, latencies: [] as number[] }
  let clientIndex = 0
  const started = performance.now()

  const instances = PORTS.map((port, index) => {
    let finish: (error?: Error) => void = () => {}
    const finished = new Promise<void>((done, fail) => {
      finish = (error) => (error ? fail(error) : done())
    })
    const connections =
      Math.floor(CONNECTIONS / PORTS.length) + (index < CONNECTIONS % PORTS.length ? 1 : 0)
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: plan.duration,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/tips',
            setupRequest: (request: autocannon.Request, context: { client?: number }) => {
              context.client ??= clientIndex++
              const [from, to] = pick()
              const sender = members[from]
              request.headers = {
                'content-type': 'application/json',
                'authorization': `Bearer ${sender.tokens[context.client % sender.tokens.length]}`,
                'x-forwarded-for': `10.${(context.client >> 8) & 255}.${context.client & 255}.${from % 250}`,
              }
              const cents = 1 + Math.floor(Math.random() * 500)
              request.body = JSON.stringify({
                toUserId: members[to].id,
                amount: (cents / 100).toFixed(2),
              })
              if (plan.keyed) {
                const key = randomUUID()
                request.headers['idempotency-key'] = key
                plan.keyed.set(key, {
                  port,
                  headers: request.headers as Record<string, string>,
                  body: request.body,
                })
              }
              return request
            },
          },
        ],
      },
      (error) => finish(error ?? undefined)
    )
    instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      result.latencies.push(time)
      if (status === 201) result.transfers++
      else if (status === 409) result.refused++
      else result.errors++
    })
    instance.on('reqError', () => result.errors++)
    return { instance, finished }
  })
  plan.onStart?.(() => instances.forEach(({ instance }) => instance.stop()))
  await Promise.all(instances.map(({ finished }) => finished))

  const seconds = (performance.now() - started) / 1000
  const after = await counters()
  return {
    name,
    seconds,
    ...result,
    deadlocks: after.deadlocks - before.deadlocks,
    entries: after.entries - before.entries,
  }
}

function print(result: RunResult) {
  const sorted = [...result.latencies].sort((a, b) => a - b)
  const rate = (result.transfers / result.seconds).toFixed(0)
  const at = (p: number) => percentile(sorted, p).toFixed(1)
  log(`\n── ${result.name}`)
  log(`transfers      ${result.transfers} in ${result.seconds.toFixed(1)} s = ${rate} transfers/s`)
  log(`latency (ms)   p50 ${at(50)}  p95 ${at(95)}  p99 ${at(99)}  max ${at(100)}`)
  log(`refused (409)  ${result.refused}   errors ${result.errors}   deadlocks ${result.deadlocks}`)
  log(
    `ledger         ${result.entries} transfer entries committed, ${result.transfers} acknowledged (any difference was in flight when the run stopped)`
  )
}

function printCpu(
  perRequest: { app: number; postgres: number; loadGenerator: number; idle: number } | null
) {
  if (!perRequest) return
  const { app, postgres, loadGenerator, idle } = perRequest
  log(
    `cpu/request    app ${app.toFixed(2)} ms, PostgreSQL ${postgres.toFixed(2)} ms, load generator ${loadGenerator.toFixed(2)} ms; machine ${(idle * 100).toFixed(0)}% idle`
  )
}

/**
 * `node ace ledger:verify` on the build, and the conservation checks: the
 * wallets still hold exactly what was funded (tips only move money between
 * them) and the whole ledger sums to zero.
 */
async function verify(members: number) {
  const command = ace(BUILD, ['ledger:verify', '--json'], serverEnv)
  const summary = JSON.parse(
    command.output.slice(command.output.indexOf('{'), command.output.lastIndexOf('}') + 1)
  )
  const [sums] = await query<{ wallets: string; total: string; negative: string }>(
    `SELECT (SELECT sum(balance + held) FROM ledger_accounts WHERE kind = 'WALLET') AS wallets,
            (SELECT coalesce(sum(amount), 0) FROM ledger_postings) AS total,
            (SELECT count(*) FROM ledger_accounts WHERE kind = 'WALLET' AND balance < 0) AS negative`
  )
  const expected = (Number(FUNDING) * members).toFixed(2)
  const conserved = sums.wallets === expected && Number(sums.total) === 0 && sums.negative === '0'
  log(
    `ledger:verify  exit ${command.code}, ${summary.problemCount} problem(s), ${summary.counts.entries} entries, ${summary.counts.postings} postings, checked in ${summary.durationMs} ms`
  )
  log(
    `sum check      wallets hold ${sums.wallets} (funded ${expected}), all postings sum to ${sums.total}, ${sums.negative} negative wallet(s): ${conserved ? 'ok' : 'BROKEN'}`
  )
  return command.code === 0 && conserved
}

function randomPair(size: number, offset = 0): [number, number] {
  const from = Math.floor(Math.random() * size)
  let to = Math.floor(Math.random() * (size - 1))
  if (to >= from) to++
  return [offset + from, offset + to]
}

async function crash(servers: ChildProcess[], members: Member[]) {
  const killAfter = Math.max(2, DURATION / 2)
  log(`\n── crash: kill -9 every app process after ${killAfter} s of load`)
  const sent = new Map<string, SentTip>()
  const result = await load('crash (until the kill)', members, () => randomPair(members.length), {
    duration: DURATION,
    keyed: sent,
    onStart: (stop) => {
      setTimeout(() => {
        for (const server of servers) server.kill('SIGKILL')
        setTimeout(stop, 500)
      }, killAfter * 1000)
    },
  })
  print(result)
  const missing = result.transfers - result.entries
  log(
    `durability     ${missing <= 0 ? 'every acknowledged tip is in the ledger' : `${missing} acknowledged tip(s) MISSING`} (${Math.max(0, -missing)} committed but cut off before their answer)`
  )
  const restarted = await startServers()
  log('restarted      the servers answer again')
  const keysResumed = await retryCutOffKeys(sent)
  print(await load('after restart', members, () => randomPair(members.length), { duration: 3 }))
  return { ok: missing <= 0 && keysResumed, servers: restarted }
}

/**
 * Every tip of the crash run carried an Idempotency-Key. Those the kill cut
 * off before their answer was stored are still "in progress"; a client
 * would retry them with the same key. Each retry must answer 201 (the tip
 * its first attempt committed, or the tip now if it had not), and money must
 * move only for those whose first attempt had not.
 */
async function retryCutOffKeys(sent: Map<string, SentTip>) {
  const cut = await query<{ key: string; outcome_id: string | null }>(
    'SELECT key, outcome_id FROM idempotency_keys WHERE response_status IS NULL'
  )
  const committed = cut.filter(({ outcome_id: outcome }) => outcome).length
  const before = await counters()
  const statuses = new Map<number, number>()
  for (let start = 0; start < cut.length; start += 32) {
    const batch = cut.slice(start, start + 32).map(async ({ key }) => {
      const tip = sent.get(key)!
      const response = await fetch(`http://127.0.0.1:${tip.port}/api/v1/tips`, {
        method: 'POST',
        headers: tip.headers,
        body: tip.body,
      })
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    })
    await Promise.all(batch)
  }
  const after = await counters()
  const moved = after.entries - before.entries
  const [open] = await query<{ count: string }>(
    'SELECT count(*) FROM idempotency_keys WHERE response_status IS NULL'
  )
  const answers = [...statuses].map(([status, count]) => `${count} × ${status}`).join(', ')
  const ok =
    (statuses.get(201) ?? 0) === cut.length &&
    moved === cut.length - committed &&
    open.count === '0'
  log(
    `keys           ${cut.length} cut off before their answer was stored (${committed} had moved money); retried with the same key: ${answers || 'none'}; ${moved} moved on retry (expected ${cut.length - committed}); ${open.count} still in progress: ${ok ? 'ok' : 'BROKEN'}`
  )
  return ok
}

/**
 * Boots the built app in this process and moves money with its ledger,
 * `CONNECTIONS` movements in flight at once (the pool bounds real
 * concurrency at its size).
 */
async function engine(members: Member[], runs: { name: string; pick: () => [number, number] }[]) {
  Object.assign(process.env, serverEnv)
  const buildUrl = pathToFileURL(`${BUILD}/`)
  const app = new Ignitor(buildUrl, {
    importer: (path) =>
      import(path.startsWith('./') || path.startsWith('../') ? new URL(path, buildUrl).href : path),
  }).createApp('console')
  await app.init()
  await app.boot()
  const { default: Ledger, accounts } = await import(`${buildUrl.href}app/ledger/ledger.js`)
  const { default: Money } = await import(`${buildUrl.href}app/ledger/money.js`)

  for (const { name, pick } of runs) {
    const before = await counters()
    const latencies: number[] = []
    let transfers = 0
    let errors = 0
    const started = performance.now()
    const end = started + DURATION * 1000
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const [from, to] = pick()
          const begun = performance.now()
          try {
            await Ledger.transaction((trx: unknown) =>
              Ledger.transfer(trx, {
                from: accounts.wallet(members[from].id),
                to: accounts.wallet(members[to].id),
                amount: Money.fromCents(1 + Math.floor(Math.random() * 500)),
                description: 'Benchmark transfer',
              })
            )
            transfers++
          } catch {
            errors++
          }
          latencies.push(performance.now() - begun)
        }
      })
    )
    const after = await counters()
    print({
      name,
      seconds: (performance.now() - started) / 1000,
      transfers,
      refused: 0,
      errors,
      latencies,
      deadlocks: after.deadlocks - before.deadlocks,
      entries: after.entries - before.entries,
    })
  }
  await app.terminate()
}

async function main() {
  const modes = options.mode === 'all' ? ['spread', 'hot', 'crash', 'engine'] : [options.mode!]
  if (!options['skip-build'] || !existsSync(join(BUILD, 'bin/server.js'))) {
    // Type errors are CI's business (npm run typecheck); the benchmark measures the runtime.
    build(BUILD)
  }

  log(`Fresh database ${database.database} on ${database.host}:${database.port}`)
  await recreateDatabase(database)
  const migrate = ace(BUILD, ['migration:run', '--force'], serverEnv)
  if (migrate.code !== 0) throw new Error(`Migrations failed:\n${migrate.output}`)

  const seeded = performance.now()
  const spread = await seedMembers(database, { prefix: 'bench_', count: USERS, funding: FUNDING })
  const hot = await seedMembers(database, {
    prefix: 'hot_',
    count: HOT,
    funding: FUNDING,
    tokensEach: CONNECTIONS,
  })
  const everyone = [...spread, ...hot]
  const seedSeconds = ((performance.now() - seeded) / 1000).toFixed(1)
  log(`Seeded ${USERS} + ${HOT} members with ${FUNDING} each in ${seedSeconds} s`)
  const broadcasts = await shareBroadcasts()
  log(
    `${PROCESSES} app process(es) (${broadcasts}), ${CONNECTIONS} client connections, ` +
      `${DURATION} s per run`
  )

  let servers = await startServers()
  let ok = true
  try {
    for (const mode of modes) {
      if (mode === 'spread' || mode === 'hot') {
        const name =
          mode === 'spread'
            ? `spread: ${CONNECTIONS} clients tipping among ${USERS} members`
            : `hot: ${CONNECTIONS} clients tipping among ${HOT} members`
        const pick = mode === 'spread' ? () => randomPair(USERS) : () => randomPair(HOT, USERS)
        if (WARMUP > 0) {
          // The servers' code is compiled and optimised by V8 as it runs: the
          // first seconds measure that, not the steady state. Warm-up tips are
          // real (verified with the rest), only left out of the figures.
          const warm = await load('warm-up', everyone, pick, { duration: WARMUP })
          log(
            `\n(warm-up: ${warm.transfers} tips in ${warm.seconds.toFixed(1)} s, not counted; ` +
              `${warm.errors} errors, ${warm.deadlocks} deadlocks)`
          )
        }
        const meter = cpuMeter(servers)
        const result = await load(name, everyone, pick, { duration: DURATION })
        print(result)
        printCpu(meter.stop(result.transfers + result.refused + result.errors))
      } else if (mode === 'crash') {
        const outcome = await crash(servers, spread)
        servers = outcome.servers
        ok &&= outcome.ok
      } else {
        await engine(everyone, [
          { name: `engine, spread over ${USERS} members`, pick: () => randomPair(USERS) },
          { name: `engine, hot among ${HOT} members`, pick: () => randomPair(HOT, USERS) },
        ])
      }
      ok = (await verify(USERS + HOT)) && ok
    }
  } finally {
    await stopServers(servers)
  }
  log(ok ? '\nAll invariants hold.' : '\nINVARIANTS BROKEN')
  process.exitCode = ok ? 0 : 1
}

await main()
