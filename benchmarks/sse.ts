/*
|--------------------------------------------------------------------------
| npm run bench:sse
|--------------------------------------------------------------------------
|
| Live delivery at scale (D2): one production process (the
| build, `node build/bin/server.js`) holds --connections event streams,
| each opened by its own member and subscribed, with that member's Bearer
| token, to `users/<id>/notifications` and to `board`. This script is the
| load generator, in its own process. It reports:
|
|   rss        the server's resident memory once every stream is open, and
|              its peak over the whole run
|   per-user   tips between random members over the API at --rate per
|              second, while all streams stay connected: delivery, from the
|              notification's creation (its `createdAt`; server and load
|              generator share the clock) to its arrival on the recipient's
|              stream, and end to end, from sending the tip (p50/p95/p99)
|   broadcast  --broadcasts bounties published over the API: time from
|              the request to the `bounty.published` event arriving, on
|              every stream (p50/p95/p99/max over all of them)
|
| The same number of streams on a bare node:http server
| (benchmarks/sse_baseline_server.ts) gives the memory floor beside it.
|
| Targets: rss <= 400 MB, per-user delivery p99 <= 50 ms, broadcast p95
| <= 500 ms. Exits with 1 when one is missed.
|
| Options: --connections=10000, --tips=2000, --rate=100 (tips/s),
| --broadcasts=5, --skip-build. Database: DB_HOST/DB_PORT/DB_USER/
| DB_PASSWORD (127.0.0.1, postgres) and BENCH_DATABASE (corps_bench_sse,
| dropped and recreated). The server listens on BENCH_PORT (4391).
|
| Plain Node (type stripping): it drives the build from outside, like a user.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { Agent, request, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  ROOT,
  build,
  databaseNamed,
  log,
  percentile,
  productionEnv,
  recreateDatabase,
  ace,
  seedMembers,
  startProduction,
  stopServer,
} from './support.ts'
const BUILD = join(ROOT, 'build')

const { values: options } = parseArgs({
  options: {
    'connections': { type: 'string', default: '10000' },
    'tips': { type: 'string', default: '2000' },
    'rate': { type: 'string', default: '100' },
    'broadcasts': { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const CONNECTIONS = Number(options.connections)
const TIPS = Number(options.tips)
const RATE = Number(options.rate)
const BROADCASTS = Number(options.broadcasts)
const PORT = Number(process.env.BENCH_PORT ?? 4391)
const BASE = { host: '127.0.0.1', port: PORT }

const database = databaseNamed(process.env.BENCH_DATABASE ?? 'corps_bench_sse')

const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...productionEnv(PORT, database),
  REDIS_HOST: '',
}

type Member = { id: string; token: string; ip: string }

/**
 * When a payload reached the stream, and when the server created the
 * notification it carries (0 for bounties).
 */
type Arrival = { at: number; createdAt: number }

/**
 * One open event stream and the payloads it is waiting for.
 */
type Stream = {
  member: Member
  uid: string
  waiting: Map<string, (arrival: Arrival) => void>
}

/**
 * RSS of a bare node:http process before and after it holds `count` streams.
 */
async function baselineMemory(count: number) {
  const port = PORT + 1
  const server = spawn(process.execPath, [join(ROOT, 'benchmarks/sse_baseline_server.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  try {
    await sleep(500)
    const before = memoryOf(server).rssMb
    const sockets = await inBatches(
      Array.from({ length: count }, (_, index) => index),
      250,
      () =>
        new Promise<IncomingMessage>((opened, reject) => {
          request({ host: '127.0.0.1', port, path: '/', agent: streamAgent }, opened)
            .on('error', reject)
            .end()
        })
    )
    await sleep(2000)
    const after = memoryOf(server).rssMb
    for (const socket of sockets) socket.destroy()
    return { before, after }
  } finally {
    await stopServer(server)
  }
}

async function startServer() {
  if (await fetch(`http://127.0.0.1:${PORT}/`).catch(() => null)) {
    throw new Error(`Port ${PORT} is already in use: set BENCH_PORT to a free one`)
  }
  return startProduction(BUILD, serverEnv)
}

function memoryOf(server: ChildProcess) {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf-8')
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))![1])
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity })
const apiAgent = new Agent({ keepAlive: true, maxSockets: 64 })

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown
): Promise<{ status: number; body: string }> {
  return new Promise((resolveResponse, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      {
        ...BASE,
        method,
        path,
        agent: apiAgent,
        headers: {
          ...headers,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf-8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, body: text }))
      }
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * Opens the member's stream and subscribes it, with their token, to their
 * notifications and to the board. Every `data:` frame is parsed at once and
 * timestamped; `waiting` maps a marker (a tip message, a bounty title) to
 * whoever waits for it on this stream.
 */
function connect(member: Member): Promise<Stream> {
  const stream: Stream = { member, uid: randomUUID(), waiting: new Map() }
  return new Promise((resolveStream, reject) => {
    const req = request(
      {
        ...BASE,
        path: `/__transmit/events?uid=${stream.uid}`,
        agent: streamAgent,
        headers: { 'accept': 'text/event-stream', 'x-forwarded-for': member.ip },
      },
      async (response: IncomingMessage) => {
        if (response.statusCode !== 200) return reject(new Error(`stream ${response.statusCode}`))
        let buffer = ''
        response.setEncoding('utf-8')
        response.on('data', (chunk: string) => {
          const at = performance.timeOrigin + performance.now()
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (!frame.startsWith('data: ')) continue
            const { payload } = JSON.parse(frame.slice(6))
            const marker = payload?.notification?.message ?? payload?.bounty?.title
            const createdAt = Date.parse(payload?.notification?.createdAt ?? '') || 0
            stream.waiting.get(marker)?.({ at, createdAt })
          }
        })
        try {
          for (const channel of [`users/${member.id}/notifications`, 'board']) {
            const subscribed = await send(
              'POST',
              '/__transmit/subscribe',
              { 'authorization': `Bearer ${member.token}`, 'x-forwarded-for': member.ip },
              { uid: stream.uid, channel }
            )
            if (subscribed.status !== 204) throw new Error(`subscribe ${subscribed.status}`)
          }
          resolveStream(stream)
        } catch (error) {
          reject(error)
        }
      }
    )
    req.on('error', reject)
    req.end()
  })
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = []
  for (let offset = 0; offset < items.length; offset += size) {
    results.push(...(await Promise.all(items.slice(offset, offset + size).map(work))))
  }
  return results
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const fixed = (value: number) => value.toFixed(1)
  return {
    n: sorted.length,
    p50: fixed(percentile(sorted, 50)),
    p95: fixed(percentile(sorted, 95)),
    p99: fixed(percentile(sorted, 99)),
    max: fixed(sorted.at(-1) ?? Number.NaN),
  }
}

function waitFor(stream: Stream, marker: string, timeoutMs: number) {
  return new Promise<Arrival | null>((resolveArrival) => {
    const timer = setTimeout(() => {
      stream.waiting.delete(marker)
      resolveArrival(null)
    }, timeoutMs)
    stream.waiting.set(marker, (arrival) => {
      clearTimeout(timer)
      stream.waiting.delete(marker)
      resolveArrival(arrival)
    })
  })
}

/**
 * Tips at a steady rate from one random member to another; the latency is
 * from sending the request to the recipient's stream receiving it.
 */
async function perUserPhase(streams: Stream[]) {
  const latencies: number[] = []
  const deliveries: number[] = []
  const requestTimes: number[] = []
  let failures = 0
  let lost = 0
  const inFlight: Promise<void>[] = []
  for (let n = 0; n < TIPS; n++) {
    const from = streams[Math.floor(Math.random() * streams.length)]
    let to = streams[Math.floor(Math.random() * streams.length)]
    if (to === from) to = streams[(streams.indexOf(from) + 1) % streams.length]
    const marker = `bench tip ${n}`
    inFlight.push(
      (async () => {
        const arrival = waitFor(to, marker, 10_000)
        const started = performance.timeOrigin + performance.now()
        const response = await send(
          'POST',
          '/api/v1/tips',
          { 'authorization': `Bearer ${from.member.token}`, 'x-forwarded-for': from.member.ip },
          { toUserId: to.member.id, amount: '0.01', message: marker }
        ).catch((error: Error) => ({ status: 0, body: error.message }))
        requestTimes.push(performance.timeOrigin + performance.now() - started)
        if (response.status !== 201) {
          failures++
          if (failures === 1) log(`  first failed tip: ${response.status} ${response.body}`)
          return
        }
        const delivery = await arrival
        if (delivery === null) {
          lost++
        } else {
          latencies.push(delivery.at - started)
          deliveries.push(delivery.at - delivery.createdAt)
        }
      })()
    )
    await sleep(1000 / RATE)
  }
  await Promise.all(inFlight)
  return { latencies, deliveries, requestTimes, failures, lost }
}

/**
 * Publishes bounties one after another; each must reach every stream.
 */
async function broadcastPhase(streams: Stream[], poster: Member) {
  const rounds = []
  for (let n = 0; n < BROADCASTS; n++) {
    const title = `Bench broadcast ${n} ${randomUUID().slice(0, 8)}`
    const arrivals = streams.map((stream) => waitFor(stream, title, 30_000))
    const started = performance.timeOrigin + performance.now()
    const response = await send(
      'POST',
      '/api/v1/bounties',
      { 'authorization': `Bearer ${poster.token}`, 'x-forwarded-for': poster.ip },
      { title, description: 'Measuring the board broadcast.', bountyAmount: 1 }
    )
    if (response.status !== 201)
      throw new Error(`publish failed: ${response.status} ${response.body}`)
    const times = await Promise.all(arrivals)
    const received = times
      .filter((arrival): arrival is Arrival => arrival !== null)
      .map((arrival) => arrival.at - started)
    rounds.push({ ...summary(received), missed: streams.length - received.length })
    await sleep(1000)
  }
  return rounds
}

async function main() {
  log(
    `bench:sse — ${CONNECTIONS} streams, ${TIPS} tips at ${RATE}/s, ${BROADCASTS} board broadcasts`
  )
  if (!options['skip-build'] || !existsSync(join(BUILD, 'bin/server.js'))) {
    build(BUILD)
  }
  await recreateDatabase(database)
  const migrate = ace(BUILD, ['migration:run', '--force'], serverEnv)
  if (migrate.code !== 0) throw new Error(`Migrations failed:\n${migrate.output}`)
  // Each member is also a distinct client address, so per-address throttles
  // model many people.
  const seeded = await seedMembers(database, { prefix: 'sse', count: CONNECTIONS, funding: '1000' })
  const members: Member[] = seeded.map(({ id, tokens }, n) => ({
    id,
    token: tokens[0],
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  }))
  log(`Seeded ${members.length} members with tokens and funded wallets`)

  const floor = await baselineMemory(CONNECTIONS)
  log(
    `Bare node:http baseline: RSS ${floor.before.toFixed(0)} MB before, ` +
      `${floor.after.toFixed(0)} MB holding ${CONNECTIONS} streams`
  )

  const server = await startServer()
  try {
    const baseline = memoryOf(server)
    const connecting = performance.now()
    const streams = await inBatches(members, 250, connect)
    const connectSeconds = (performance.now() - connecting) / 1000
    await sleep(2000)
    const connected = memoryOf(server)
    log(
      `Connected ${streams.length} streams (2 subscriptions each) in ${connectSeconds.toFixed(1)} s; ` +
        `server RSS ${baseline.rssMb.toFixed(0)} MB before, ${connected.rssMb.toFixed(0)} MB with all streams open`
    )

    const perUser = await perUserPhase(streams)
    const delivery = summary(perUser.deliveries)
    log(
      `Per-user delivery (notification created → recipient's stream), ms: ` +
        `p50 ${delivery.p50}, p95 ${delivery.p95}, p99 ${delivery.p99}, max ${delivery.max} ` +
        `(n=${delivery.n}, failed requests ${perUser.failures}, lost ${perUser.lost})`
    )
    const endToEnd = summary(perUser.latencies)
    log(
      `  end to end (tip request sent → recipient's stream), ms: ` +
        `p50 ${endToEnd.p50}, p95 ${endToEnd.p95}, p99 ${endToEnd.p99}, max ${endToEnd.max}`
    )
    const requests = summary(perUser.requestTimes)
    log(
      `  the tip API call alone, ms: p50 ${requests.p50}, p95 ${requests.p95}, p99 ${requests.p99}`
    )

    const rounds = await broadcastPhase(streams, members[0])
    for (const [index, round] of rounds.entries()) {
      log(
        `Board broadcast ${index + 1} (publish request → every stream), ms: ` +
          `p50 ${round.p50}, p95 ${round.p95}, p99 ${round.p99}, max ${round.max} ` +
          `(received ${round.n}, missed ${round.missed})`
      )
    }
    const finalMemory = memoryOf(server)
    log(
      `Server RSS at the end ${finalMemory.rssMb.toFixed(0)} MB, peak ${finalMemory.peakMb.toFixed(0)} MB`
    )

    const worstBroadcastP95 = Math.max(...rounds.map((round) => Number(round.p95)))
    const verdicts = [
      [`RSS with ${CONNECTIONS} streams <= 400 MB`, finalMemory.peakMb <= 400],
      ['per-user delivery p99 <= 50 ms', Number(delivery.p99) <= 50],
      ['board broadcast p95 <= 500 ms', worstBroadcastP95 <= 500],
    ] as const
    for (const [target, met] of verdicts) log(`${met ? 'MET    ' : 'MISSED '} ${target}`)
    if (verdicts.some(([, met]) => !met)) process.exitCode = 1
  } finally {
    streamAgent.destroy()
    apiAgent.destroy()
    await stopServer(server)
  }
}

await main()
