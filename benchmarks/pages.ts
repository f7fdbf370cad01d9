/*
|--------------------------------------------------------------------------
| npm run bench
|--------------------------------------------------------------------------
|
| The bounty pages and the bounty API under load, against a production
| build, each beside a raw node:http + pg baseline doing the same work
| (benchmarks/baseline_server.ts), in the same run:
|
|   board       the board page, 20 per page, filtered (a visitor with a
|               session cookie, as a browser keeps it), beside the baseline
|               running the same SQL; a second baseline builds the page from
|               one hand-written query, for reference
|   board (member)  the same page for a signed-in member (header balance,
|               unread count, session tracking)
|   bounty      a bounty's page (no baseline: reported as measured)
|   api         GET /api/v1/bounties with the same filter and a Bearer token
|   team page, team api  (the teams scenario) a team's page /teams/:id
|               (members, trends over 12 weeks, activity) for a signed-in
|               member, and GET /api/v1/checkins/team/:id?weeks=12 with a
|               Bearer token, on a data set the run seeds itself
|               (benchmarks/team_data.ts: 1,000 teams, 20,000 members),
|               first with 100,000 check-ins, then with 1,000,000
|   leaderboard page, leaderboard api  (the leaderboard scenario) the
|               all-time points board /leaderboard?period=all&metric=points
|               for a signed-in member (the top 50 and the member's own
|               rank) and GET /api/v1/leaderboard?period=all&metric=points
|               with a Bearer token, on a data set the run seeds itself
|               (benchmarks/leaderboard_data.ts: 100,000 members), first
|               with 100,000 completions, then with 1,000,000
|
| For each: requests/s, latency p50/p95/p99 and the ratio to the baseline
| (the team and leaderboard scenarios': to the board page in the same run),
| at --connections (50) for --duration seconds (10) after a warm-up.
| Targets: board ≥ 0.5× the baseline with p99 ≤ 100 ms; api ≥ 0.6×; team
| page and team api each ≥ 0.5× the board, and less than 1.5× slower at
| 1,000,000 check-ins than at 100,000; leaderboard page and leaderboard
| api each ≥ 0.5× the board, and less than 1.5× slower at 1,000,000
| completions than at 100,000.
|
| --skip-teams leaves the teams scenario out, --skip-leaderboard the
| leaderboard scenario. --explain-teams only seeds the teams' data set
| (printing how long that took) and prints the plans of the reads a team
| page is expected to make, at both sizes, without a build or a server.
|
| The database is the development one (DB_HOST, DB_PORT, DB_USER,
| DB_PASSWORD, DB_DATABASE). The run refuses a database with fewer than
| 10,000 bounties or without the bench members; seed it first, with the
| same environment, by exactly
|   node ace migration:run --force && node ace db:seed && node ace bounties:seed-bulk --count=10000
| (the demo seed's bounties plus 10,000 bulk ones by bench_0001…bench_0200).
| The build goes to tmp/bench-pages/build (`node ace build` with its own
| tsconfig, so it never races another build); --skip-build reuses it.
| The app runs with NODE_ENV=production, LOG_LEVEL=warn and the memory
| limiter store (the API throttle is per address: each request comes from
| its own X-Forwarded-For address, as many clients behind a proxy would).
|
| Plain Node (type stripping): it drives the build from outside, like a user.
*/
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import pg from 'pg'
import type { ChildProcess } from 'node:child_process'
import {
  ROOT,
  build,
  cpuMeter,
  databaseNamed,
  log,
  percentile,
  productionEnv,
  startProduction,
  stopServer,
} from './support.ts'
import { explainTeamQueries, growTeams, seedTeams, type TeamData } from './team_data.ts'
import { growLeaderboard, seedLeaderboard, type LeaderboardData } from './leaderboard_data.ts'

const BUILD = join(ROOT, 'tmp/bench-pages/build')

const { values: options } = parseArgs({
  options: {
    'duration': { type: 'string', default: '10' },
    'warmup': { type: 'string', default: '3' },
    'connections': { type: 'string', default: '50' },
    'filter': { type: 'string', default: 'status=AVAILABLE&priority=HIGH' },
    'skip-build': { type: 'boolean', default: false },
    'skip-teams': { type: 'boolean', default: false },
    'skip-leaderboard': { type: 'boolean', default: false },
    'explain-teams': { type: 'boolean', default: false },
  },
})
const DURATION = Number(options.duration)
const WARMUP = Number(options.warmup)
const CONNECTIONS = Number(options.connections)
const FILTER = options.filter!
const APP_PORT = Number(process.env.BENCH_PORT ?? 4298)
const BASELINE_PORT = APP_PORT + 1
const MEMBER = { username: 'bench_0001', password: 'Corps2026' }

const database = databaseNamed(process.env.DB_DATABASE ?? 'corps')
const databaseEnv = {
  DB_HOST: database.host,
  DB_PORT: String(database.port),
  DB_USER: database.user,
  DB_PASSWORD: database.password,
  DB_DATABASE: database.database,
}

type Result = {
  name: string
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
  cpu: ReturnType<ReturnType<typeof cpuMeter>['stop']>
}

async function checkData() {
  const client = new pg.Client(database)
  await client.connect()
  try {
    const { rows } = await client.query<{
      total: string
      published: string
      member: string | null
    }>(
      `SELECT (SELECT count(*) FROM bounties) AS total,
              (SELECT count(*) FROM bounties WHERE NOT is_draft AND deleted_at IS NULL) AS published,
              (SELECT id FROM users WHERE username = $1) AS member`,
      [MEMBER.username]
    )
    const [{ total, published, member }] = rows
    if (Number(total) < 10000 || !member) {
      throw new Error(
        `${database.database} has ${total} bounties${member ? '' : ' and no bench members'}: ` +
          'run `node ace migration:run --force && node ace db:seed && node ace bounties:seed-bulk --count=10000` first'
      )
    }
    // Freshly bulk-inserted rows have no planner statistics and no
    // visibility map yet; autovacuum gives a live database both.
    await client.query('VACUUM ANALYZE')
    const { rows: pick } = await client.query<{ id: string }>(
      `SELECT b.id FROM bounties b
        WHERE NOT b.is_draft AND b.deleted_at IS NULL AND b.team_id IS NULL
        ORDER BY (SELECT count(*) FROM bounty_events e WHERE e.bounty_id = b.id) DESC, b.id
        LIMIT 1`
    )
    return { published: Number(published), bountyId: pick[0].id }
  } finally {
    await client.end()
  }
}

/**
 * Where a server's output goes (requests cut off when the run ends would
 * otherwise fill the report).
 */
function logFile(name: string) {
  return join(ROOT, 'tmp/bench-pages', `${name}.log`)
}

/**
 * The raw node:http + pg baseline.
 */
function startBaseline() {
  const output = openSync(logFile('baseline'), 'w')
  return spawn(process.execPath, ['benchmarks/baseline_server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...databaseEnv, PORT: String(BASELINE_PORT) },
    stdio: ['ignore', output, output],
  })
}

async function waitFor(port: number) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`)
      if (response.ok) return
    } catch {}
    await sleep(100)
  }
  throw new Error(`Nothing answers on port ${port}`)
}

/**
 * Cookies a browser would keep after `response`.
 */
function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const [name, ...value] = pair.split('=')
    jar.set(name.trim(), value.join('='))
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

/**
 * A visitor's cookies (session and XSRF) from a first visit, and a
 * member's after logging in through the real form.
 */
async function sessions() {
  const base = `http://127.0.0.1:${APP_PORT}`
  const visitor = new Map<string, string>()
  const visitorCookie = cookiesOf(await fetch(`${base}/`), visitor)

  const member = new Map<string, string>()
  const loginPage = await fetch(`${base}/login`)
  let cookie = cookiesOf(loginPage, member)
  const csrf = /name=['"]_csrf['"] value=['"]([^'"]+)/.exec(await loginPage.text())?.[1]
  if (!csrf) throw new Error('The login page has no CSRF field')
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({
      _csrf: csrf,
      uid: MEMBER.username,
      password: MEMBER.password,
    }),
  })
  cookie = cookiesOf(login, member)
  // A refused form also redirects: check the header names the member.
  const home = await fetch(`${base}/`, { headers: { cookie } })
  const signedIn = await home.text()
  if (login.status !== 302 || !signedIn.includes(`user-menu__name">${MEMBER.username}<`)) {
    throw new Error(`Could not log in as ${MEMBER.username} (${login.status})`)
  }

  const token = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: MEMBER.username, password: MEMBER.password }),
  })
  const body = (await token.json()) as { data?: { token?: string } }
  const bearer = body.data?.token
  if (!bearer) throw new Error(`Could not get an API token: ${JSON.stringify(body)}`)
  return { visitorCookie, memberCookie: cookie, bearer }
}

let address = 0
/**
 * Every request from its own client address (see the header).
 */
function fromManyClients(request: autocannon.Request) {
  address = (address + 1) % 65000
  const ip = `10.${(address >> 8) & 255}.${address & 255}.${1 + (address % 200)}`
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': ip } }
}

/**
 * One load run. Latencies are every response's own time (autocannon's
 * histogram has no p95), so the percentiles are exact.
 */
async function measure(
  name: string,
  server: ChildProcess,
  url: string,
  headers: Record<string, string>,
  duration: number
) {
  const times: number[] = []
  const meter = cpuMeter([server])
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    requests: [{ setupRequest: fromManyClients }],
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, time: number) => times.push(time))
    },
  })
  const cpu = meter.stop(times.length)
  times.sort((a, b) => a - b)
  return {
    name,
    cpu,
    rps: times.length / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.non2xx + result.errors + result.timeouts,
  } satisfies Result
}

async function scenario(
  name: string,
  server: ChildProcess,
  url: string,
  headers: Record<string, string> = {}
) {
  await measure(name, server, url, headers, WARMUP)
  return measure(name, server, url, headers, DURATION)
}

function row(result: Result, baseline?: Result) {
  const ratio = baseline ? `${(result.rps / baseline.rps).toFixed(2)}×` : '—'
  return [
    result.name.padEnd(24),
    result.rps.toFixed(0).padStart(7),
    result.p50.toFixed(1).padStart(6),
    result.p95.toFixed(1).padStart(6),
    result.p99.toFixed(1).padStart(6),
    ratio.padStart(7),
    `${result.errors}`.padStart(7),
    result.cpu
      ? `${result.cpu.app.toFixed(2)} + ${result.cpu.postgres.toFixed(2)} + ${result.cpu.loadGenerator.toFixed(2)}`
      : '',
  ].join('  ')
}

type Pair = { page: Result; api: Result }

/**
 * A scenario's page (as the signed-in member) and API call (with the
 * member's token) at one size of its data set.
 */
async function pageAndApi(
  server: ChildProcess,
  names: { page: string; api: string },
  urls: { page: string; api: string },
  auth: { memberCookie: string; bearer: string }
): Promise<Pair> {
  const appUrl = `http://127.0.0.1:${APP_PORT}`
  const page = await scenario(names.page, server, `${appUrl}${urls.page}`, {
    cookie: auth.memberCookie,
  })
  const api = await scenario(names.api, server, `${appUrl}${urls.api}`, {
    authorization: `Bearer ${auth.bearer}`,
  })
  return { page, api }
}

/**
 * Prints a grown scenario's ratios to the board page and how much slower
 * the large data set is, and returns its checks (see the header's targets).
 */
function growthReport(
  label: string,
  board: Result,
  atSmall: Pair,
  atLarge: Pair,
  sizes: string
): [string, boolean][] {
  const results = [atSmall.page, atSmall.api, atLarge.page, atLarge.api]
  log(`\n${label}: ratios to the board page (${board.rps.toFixed(0)} req/s in this run)`)
  for (const result of results) log(row(result, board))
  const slowdown = (name: keyof Pair) => atSmall[name].rps / atLarge[name].rps
  log(
    `${sizes}: page ${slowdown('page').toFixed(2)}× slower, api ${slowdown('api').toFixed(2)}× slower\n`
  )
  return [
    [`${label} page ≥ 0.5× board`, atLarge.page.rps >= 0.5 * board.rps],
    [`${label} api ≥ 0.5× board`, atLarge.api.rps >= 0.5 * board.rps],
    [`${label} page < 1.5× slower at 1M`, slowdown('page') < 1.5],
    [`${label} api < 1.5× slower at 1M`, slowdown('api') < 1.5],
    [`no ${label} errors`, results.every((result) => result.errors === 0)],
  ]
}

/**
 * The teams scenario at one size of history: the team page and the team's
 * check-ins, as a member of the team.
 */
function teamScenarios(
  server: ChildProcess,
  data: TeamData,
  size: string,
  auth: { memberCookie: string; bearer: string }
) {
  log(
    `${data.checkIns.toLocaleString('en')} check-ins (${size}), seeded in ${data.seconds.toFixed(1)} s`
  )
  return pageAndApi(
    server,
    { page: `team page (${size})`, api: `team api (${size})` },
    { page: `/teams/${data.teamId}`, api: `/api/v1/checkins/team/${data.teamId}?weeks=12` },
    auth
  )
}

/**
 * The leaderboard scenario at one size: the all-time points board as a
 * page and through the API.
 */
function leaderboardScenarios(
  server: ChildProcess,
  data: LeaderboardData,
  size: string,
  auth: { memberCookie: string; bearer: string }
) {
  log(
    `${data.completions.toLocaleString('en')} completions (${size}) as ` +
      `${data.rows.toLocaleString('en')} member_totals rows, seeded in ${data.seconds.toFixed(1)} s`
  )
  const board = '?period=all&metric=points'
  return pageAndApi(
    server,
    { page: `leaderboard page (${size})`, api: `leaderboard api (${size})` },
    { page: `/leaderboard${board}`, api: `/api/v1/leaderboard${board}` },
    auth
  )
}

function logPlans(plans: { name: string; plan: string }[]) {
  for (const { name, plan } of plans) log(`-- ${name}\n${plan}\n`)
}

/**
 * --explain-teams: the data set and the plans, without load.
 */
async function explainTeams() {
  const { rows } = await withDatabase((client) =>
    client.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [MEMBER.username])
  )
  if (rows.length === 0) throw new Error(`No ${MEMBER.username}: run bounties:seed-bulk first`)
  const small = await seedTeams(database, MEMBER.username)
  log(`${small.checkIns.toLocaleString('en')} check-ins seeded in ${small.seconds.toFixed(1)} s`)
  logPlans(await explainTeamQueries(database, small.teamId, rows[0].id))
  const large = await growTeams(database, small.teamId)
  log(`${large.checkIns.toLocaleString('en')} check-ins after ${large.seconds.toFixed(1)} s more`)
  logPlans(await explainTeamQueries(database, large.teamId, rows[0].id))
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(database)
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function main() {
  if (options['explain-teams']) return explainTeams()
  if (!options['skip-build'] || !existsSync(join(BUILD, 'bin/server.js'))) build(BUILD)
  const { published, bountyId } = await checkData()
  log(`${published.toLocaleString('en')} published bounties in ${database.database}`)

  mkdirSync(join(ROOT, 'tmp/bench-pages'), { recursive: true })
  const baseline = startBaseline()
  const app = await startProduction(
    BUILD,
    { ...productionEnv(APP_PORT, database), APP_URL: `http://127.0.0.1:${APP_PORT}` },
    logFile('app')
  )
  try {
    await waitFor(BASELINE_PORT)
    const { visitorCookie, memberCookie, bearer } = await sessions()
    const appUrl = `http://127.0.0.1:${APP_PORT}`
    const baseUrl = `http://127.0.0.1:${BASELINE_PORT}`
    log(
      `${CONNECTIONS} connections, ${DURATION} s each after ${WARMUP} s of warm-up; filter ?${FILTER}\n`
    )

    const boardBase = await scenario('baseline board', baseline, `${baseUrl}/?${FILTER}`)
    const joined = await scenario(
      'baseline board, 1 query',
      baseline,
      `${baseUrl}/joined?${FILTER}`
    )
    const board = await scenario('board', app, `${appUrl}/?${FILTER}`, { cookie: visitorCookie })
    const boardMember = await scenario('board (member)', app, `${appUrl}/?${FILTER}`, {
      cookie: memberCookie,
    })
    const bounty = await scenario('bounty page', app, `${appUrl}/bounties/${bountyId}`, {
      cookie: visitorCookie,
    })
    const apiBase = await scenario('baseline api', baseline, `${baseUrl}/api/bounties?${FILTER}`)
    const api = await scenario('api list', app, `${appUrl}/api/v1/bounties?${FILTER}`, {
      authorization: `Bearer ${bearer}`,
    })

    log(
      [
        'scenario'.padEnd(22),
        '  req/s',
        '   p50',
        '   p95',
        '   p99',
        '  ratio',
        ' non-2xx',
        'CPU ms/request: server + PG + load',
      ].join('  ')
    )
    log(row(boardBase))
    log(row(joined, boardBase))
    log(row(board, boardBase))
    log(row(boardMember, boardBase))
    log(row(bounty))
    log(row(apiBase))
    log(row(api, apiBase))
    log('(latencies in ms; CPU per request of the server, PostgreSQL and the load generator)\n')

    const checks: [string, boolean][] = [
      [`board ≥ 0.5× baseline`, board.rps >= 0.5 * boardBase.rps],
      [`board p99 ≤ 100 ms`, board.p99 <= 100],
      [`api ≥ 0.6× baseline`, api.rps >= 0.6 * apiBase.rps],
      ['no errors', [board, boardMember, bounty, api].every((result) => result.errors === 0)],
    ]
    const auth = { memberCookie, bearer }
    if (!options['skip-teams']) {
      const small = await seedTeams(database, MEMBER.username)
      const atSmall = await teamScenarios(app, small, '100k', auth)
      const atLarge = await teamScenarios(app, await growTeams(database, small.teamId), '1M', auth)
      checks.push(
        ...growthReport('team', board, atSmall, atLarge, '1,000,000 vs 100,000 check-ins')
      )
    }
    if (!options['skip-leaderboard']) {
      const small = await seedLeaderboard(database, BUILD)
      const atSmall = await leaderboardScenarios(app, small, '100k', auth)
      const large = await growLeaderboard(database, BUILD)
      const atLarge = await leaderboardScenarios(app, large, '1M', auth)
      checks.push(
        ...growthReport('leaderboard', board, atSmall, atLarge, '1,000,000 vs 100,000 completions')
      )
    }
    for (const [label, ok] of checks) log(`${ok ? 'PASS' : 'FAIL'}  ${label}`)
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1
  } finally {
    await Promise.all([stopServer(app), stopServer(baseline)])
  }
}

await main()
