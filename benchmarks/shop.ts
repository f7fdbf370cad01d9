/*
|--------------------------------------------------------------------------
| npm run bench:shop
|--------------------------------------------------------------------------
|
| Shop checkouts over HTTP against a production build, on a fresh database:
|
|   race    200 buyers, each with one unit in the cart, all check out at once
|           for the 50 units of one product: exactly 50 orders, the rest
|           OUT_OF_STOCK and not charged
|   wide    the same 200 buyers for --duration seconds, each adding a random
|           one of 1,000 products to the cart and checking out, again and again
|   engine  the same wallet → shop transfers straight through app/ledger (the
|           built app booted in this process): the money engine alone, for
|           reference, as bench:ledger does
|
| After each run: orders/s, checkout latency percentiles, refusals, then the
| checks: no product below zero, exactly the race's units sold, no SPEND
| without its order and no order without its payment, money conserved, and
| `node ace ledger:verify`.
|
| Options: --duration=15 (seconds), --buyers=200, --units=50,
| --products=1000, --skip-build. Database: DB_HOST/DB_PORT/DB_USER/DB_PASSWORD
| (127.0.0.1, postgres) and BENCH_DATABASE (corps_bench_shop, dropped and
| recreated). The server listens on BENCH_PORT (4299).
|
| Plain Node (type stripping): it drives the build from outside, like a user.
*/
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { Ignitor } from '@adonisjs/core'
import {
  ROOT,
  ace,
  build,
  databaseNamed,
  log,
  percentile,
  productionEnv,
  recreateDatabase,
  seedMembers,
  startProduction,
  stopServer,
  type SeededMember,
} from './support.ts'

const BUILD = join(ROOT, 'build')

const { values: options } = parseArgs({
  options: {
    'duration': { type: 'string', default: '15' },
    'buyers': { type: 'string', default: '200' },
    'units': { type: 'string', default: '50' },
    'products': { type: 'string', default: '1000' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const DURATION = Number(options.duration)
const BUYERS = Number(options.buyers)
const UNITS = Number(options.units)
const PRODUCTS = Number(options.products)
const FUNDING = '100000.00'
const PRICE = '1.00'

const database = databaseNamed(process.env.BENCH_DATABASE ?? 'corps_bench_shop')
const PORT = Number(process.env.BENCH_PORT ?? 4299)
const BASE = `http://127.0.0.1:${PORT}/api/v1`
const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...productionEnv(PORT, database) }

const addresses = new Map<string, number>()

type Result = {
  name: string
  seconds: number
  orders: number
  refused: number
  errors: number
  latencies: number[]
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

/**
 * `count` products of `stock` units each at PRICE, returning their ids.
 */
async function stockProducts(count: number, stock: number) {
  const rows = await query<{ id: string }>(
    `INSERT INTO products (name, description, price, stock)
     SELECT 'Bench product ' || n, '', $2::numeric, $3 FROM generate_series(1, $1) AS n
     RETURNING id`,
    [count, PRICE, stock]
  )
  return rows.map((row) => row.id)
}

/**
 * A call as `buyer`, from an address of their own (as buyers are, behind
 * the trusted loopback proxy), so the per-address API throttle counts each
 * buyer apart.
 */
function api(buyer: SeededMember, path: string, init: { method: string; body?: unknown }) {
  const index = addresses.get(buyer.id)!
  return fetch(`${BASE}${path}`, {
    method: init.method,
    headers: {
      'authorization': `Bearer ${buyer.tokens[0]}`,
      'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}

/**
 * One checkout, timed; what it answered.
 */
async function checkout(buyer: SeededMember, result: Result) {
  const begun = performance.now()
  const response = await api(buyer, '/orders', { method: 'POST' }).catch(() => null)
  result.latencies.push(performance.now() - begun)
  if (response?.status === 201) result.orders++
  else if (response?.status === 409) result.refused++
  else result.errors++
  await response?.arrayBuffer()
}

async function race(buyers: SeededMember[]) {
  const [productId] = await stockProducts(1, UNITS)
  await query(
    `INSERT INTO cart_items (user_id, product_id, quantity) SELECT id, $2, 1 FROM unnest($1::uuid[]) AS id`,
    [buyers.map((buyer) => buyer.id), productId]
  )
  const result: Result = {
    name: `race: ${buyers.length} buyers for ${UNITS} units`,
    seconds: 0,
    orders: 0,
    refused: 0,
    errors: 0,
    latencies: [],
  }
  const started = performance.now()
  await Promise.all(buyers.map((buyer) => checkout(buyer, result)))
  result.seconds = (performance.now() - started) / 1000
  print(result)
  const [sold] = await query<{ stock: number; sold: string; orders: string }>(
    `SELECT p.stock, coalesce(sum(i.quantity), 0)::text AS sold, count(DISTINCT i.order_id)::text AS orders
       FROM products p LEFT JOIN order_items i ON i.product_id = p.id
      WHERE p.id = $1 GROUP BY p.stock`,
    [productId]
  )
  const exact = Number(sold.sold) === UNITS && sold.stock === 0 && result.orders === UNITS
  log(
    `race check     ${sold.sold} sold in ${sold.orders} orders, ${sold.stock} left, ${result.refused} OUT_OF_STOCK: ${exact ? 'ok' : 'BROKEN'}`
  )
  await query('DELETE FROM cart_items')
  return exact
}

async function wide(buyers: SeededMember[]) {
  const ids = await stockProducts(PRODUCTS, 1_000_000)
  const result: Result = {
    name: `wide: ${buyers.length} buyers over ${PRODUCTS} products`,
    seconds: 0,
    orders: 0,
    refused: 0,
    errors: 0,
    latencies: [],
  }
  const started = performance.now()
  const end = started + DURATION * 1000
  await Promise.all(
    buyers.map(async (buyer) => {
      while (performance.now() < end) {
        const productId = ids[Math.floor(Math.random() * ids.length)]
        const added = await api(buyer, '/cart/items', {
          method: 'POST',
          body: { productId },
        }).catch(() => null)
        await added?.arrayBuffer()
        if (added?.status !== 201) {
          result.errors++
          continue
        }
        await checkout(buyer, result)
      }
    })
  )
  result.seconds = (performance.now() - started) / 1000
  print(result)
}

/**
 * The checkout's money movement alone through the built app's ledger,
 * BUYERS movements in flight at once (the pool bounds real concurrency).
 */
async function engine(buyers: SeededMember[]) {
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
  const result: Result = {
    name: `engine: wallet → shop transfers, ${buyers.length} in flight`,
    seconds: 0,
    orders: 0,
    refused: 0,
    errors: 0,
    latencies: [],
  }
  const started = performance.now()
  const end = started + DURATION * 1000
  await Promise.all(
    buyers.map(async (buyer) => {
      while (performance.now() < end) {
        const begun = performance.now()
        try {
          await Ledger.transaction((trx: unknown) =>
            Ledger.transfer(trx, {
              from: accounts.wallet(buyer.id),
              to: accounts.shop,
              amount: Money.parse(PRICE),
              description: 'Benchmark transfer',
            })
          )
          result.orders++
        } catch {
          result.errors++
        }
        result.latencies.push(performance.now() - begun)
      }
    })
  )
  result.seconds = (performance.now() - started) / 1000
  print(result)
  await app.terminate()
}

function print(result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b)
  const ms = (p: number) => percentile(sorted, p).toFixed(1)
  log(`\n── ${result.name}`)
  log(
    `${(result.orders / result.seconds).toFixed(1).padStart(8)} orders/s   ${result.orders} in ${result.seconds.toFixed(1)} s, ${result.refused} refused (409), ${result.errors} errors`
  )
  log(`latency        p50 ${ms(50)} ms, p95 ${ms(95)} ms, p99 ${ms(99)} ms, max ${ms(100)} ms`)
}

/**
 * The invariants: nothing below zero, every shop SPEND has its order and
 * every order its payment, the wallets and the shop hold what was funded,
 * and ledger:verify is clean.
 */
async function verify(engineTransfers: boolean) {
  const [row] = await query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM products WHERE stock < 0)::text AS oversold,
            (SELECT count(*) FROM transactions t WHERE t.metadata->>'kind' = 'shop_order'
                AND NOT EXISTS (SELECT FROM orders o WHERE o.id = (t.metadata->>'orderId')::uuid))::text AS unowed,
            (SELECT count(*) FROM orders o WHERE NOT EXISTS
                (SELECT FROM transactions t WHERE t.entry_id = o.payment_entry_id))::text AS unpaid,
            (SELECT sum(balance) FROM ledger_accounts WHERE kind IN ('WALLET', 'SHOP'))::text AS held,
            (SELECT coalesce(sum(total), 0) FROM orders)::text AS ordered,
            (SELECT balance FROM ledger_accounts WHERE kind = 'SHOP')::text AS shop`
  )
  const funded = (Number(FUNDING) * BUYERS).toFixed(2)
  const shopMatches = engineTransfers || row.shop === row.ordered
  const command = ace(BUILD, ['ledger:verify'], serverEnv)
  const ok =
    row.oversold === '0' &&
    row.unowed === '0' &&
    row.unpaid === '0' &&
    row.held === funded &&
    shopMatches &&
    command.code === 0
  log(
    `\nchecks         ${row.oversold} oversold, ${row.unowed} charged without an order, ${row.unpaid} orders without a payment`
  )
  log(
    `money          wallets + shop ${row.held} (funded ${funded}); shop ${row.shop}, orders total ${row.ordered}`
  )
  log(`ledger:verify  exit ${command.code}`)
  return ok
}

async function main() {
  if (!options['skip-build'] || !existsSync(join(BUILD, 'bin/server.js'))) build(BUILD)
  log(`Fresh database ${database.database} on ${database.host}:${database.port}`)
  await recreateDatabase(database)
  const migrate = ace(BUILD, ['migration:run', '--force'], serverEnv)
  if (migrate.code !== 0) throw new Error(`Migrations failed:\n${migrate.output}`)
  const buyers = await seedMembers(database, { prefix: 'buyer_', count: BUYERS, funding: FUNDING })
  buyers.forEach((buyer, index) => addresses.set(buyer.id, index + 1))
  await query(`INSERT INTO ledger_accounts (kind, code) VALUES ('SHOP', 'shop')`)
  log(`Seeded ${BUYERS} buyers with ${FUNDING} each; one app process; ${DURATION} s for timed runs`)

  let server: ChildProcess | null = await startProduction(BUILD, serverEnv)
  let ok = true
  try {
    ok = (await race(buyers)) && ok
    await wide(buyers)
    ok = (await verify(false)) && ok
    await stopServer(server)
    server = null
    await engine(buyers)
    ok = (await verify(true)) && ok
  } finally {
    if (server) await stopServer(server)
  }
  log(ok ? '\nAll invariants hold.' : '\nINVARIANTS BROKEN')
  process.exitCode = ok ? 0 : 1
}

await main()
