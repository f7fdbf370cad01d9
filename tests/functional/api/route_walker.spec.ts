import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import Money from '#ledger/money'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import { openApiDocument } from '#openapi/document'
import { AttachmentFactory } from '#database/factories/attachment_factory'
import { NotificationFactory } from '#database/factories/notification_factory'
import { TagFactory } from '#database/factories/tag_factory'
import { UserFactory } from '#database/factories/user_factory'
import limiter from '@adonisjs/limiter/services/main'
import { bearerFor } from '#tests/functional/api/support'
import { postBounty } from '#tests/helpers/bounties'
import { fund, truncateEachTest } from '#tests/helpers/ledger'
import { API_PREFIX } from '#tests/helpers/openapi'
import { rawRequest } from '#tests/helpers/raw_request'

/*
| Walks every /api/v1 route the router knows with input no client should
| send: malformed, unknown and oddly written ids, wrong types, huge and
| empty values, bodies that are no object. Whatever comes in, the API must
| answer without a 5xx, as its OpenAPI document says, and a refusal (4xx)
| must leave the database as it was. The table is built from the router
| and the document, so a new route or field is walked without editing this
| file. Deterministic: the same requests in the same order on every run.
*/

type Schema = { properties?: Record<string, unknown>; $ref?: string }
type Operation = {
  parameters?: { name: string; in: string }[]
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> }
}

const paths = openApiDocument.paths as unknown as Record<string, Record<string, Operation>>

/**
 * Far longer than any field allows. In a query string each value is cut to
 * MAX_QUERY_VALUE: Node refuses a request line over 16 KB itself (431),
 * before the app sees it.
 */
const HUGE = 'x'.repeat(100_000)
const MAX_QUERY_VALUE = 1000

/**
 * Ids as clients get them wrong: not a uuid, letters past f, unknown, SQL,
 * far too long, a NUL, a path trick, and a real id in upper case (added per
 * route).
 */
const BAD_IDS = [
  'not-a-uuid',
  '%zz',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '00000000-0000-4000-8000-000000000000',
  "1'%20OR%20'1'%3D'1",
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
]

/**
 * Values of every wrong kind, sent in every field of a body or query at once
 * (validation reports every field, so one request checks them all).
 */
const BAD_VALUES: unknown[] = [
  null,
  '',
  -1,
  1.5,
  1e308,
  true,
  [],
  { nested: { deeper: [1] } },
  HUGE,
  '\u200b\u200b',
  'a\u202Eb',
  '2026-99-99T99:99:99+99:99',
]

/**
 * Bodies that are no object at all.
 */
const BAD_BODIES = ['[]', '"text"', '42', 'null']

/**
 * Tables whose rows a refused request may still touch, by design: the
 * throttles count refused attempts, a token records when it was last used,
 * the framework's own bookkeeping.
 */
const VOLATILE_TABLES = new Set([
  'rate_limits',
  'auth_access_tokens',
  'adonis_schema',
  'adonis_schema_versions',
])

/**
 * What the API answers when PostgreSQL refused a value the client sent
 * (app/exceptions/api_error.ts): validation let it through.
 */
const INPUT_REACHED_DATABASE = 'The request contains an invalid value'

type Ids = Record<string, string>
/**
 * What a call tries: a malformed or differently written id, wrong values in
 * every field of the body, in every query parameter, a body that is no
 * object or does not decode, one wrong value in an otherwise valid body.
 */
const KINDS = ['ids', 'values', 'query', 'bodies', 'pointed'] as const

type Call = {
  kind: (typeof KINDS)[number]
  method: string
  url: (ids: Ids) => string
  body?: string | ((ids: Ids) => string)
  headers?: Record<string, string>
}

/**
 * Values put one at a time into an otherwise valid body (the document's
 * example), so the request gets past validation of the other fields: the
 * caller's own id and another member's, written in upper case, and a value
 * far too long.
 */
const POINTED_VALUES: ((ids: Ids) => unknown)[] = [
  (ids) => ids.self.toUpperCase(),
  (ids) => ids.users.toUpperCase(),
  () => HUGE,
]

test.group('API route walker', (group) => {
  // Real commits, tables emptied before and after each test: the throttle
  // counters, cleared before every call, live outside any test transaction.
  // The walk runs as one test per kind of call: run as a single test of
  // about a thousand requests, it left pooled database connections closed
  // for the specs after it (the cause is not found yet).
  truncateEachTest(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  // Built when the tests run: the routes are not all registered while test
  // files are imported.
  let walked: Call[] | undefined
  const callsOf = (kind: Call['kind']) => (walked ??= walk()).filter((call) => call.kind === kind)

  for (const kind of KINDS) {
    test(`${kind}: no route answers 5xx, and no refusal changes anything`, async ({ assert }) => {
      const calls = callsOf(kind)
      assert.isAbove(calls.length, 20)
      assert.deepEqual(await walkThrough(calls), [])
    }).timeout(120_000)
  }
  test('the walk sends every kind of call to every route', ({ assert }) => {
    const total = KINDS.reduce((sum, kind) => sum + callsOf(kind).length, 0)
    assert.isAbove(total, 800)
  })
})

/**
 * Sends the calls in order and returns every problem found.
 */
async function walkThrough(calls: Call[]) {
  let fixtures = await createFixtures()
  const snapshot = await snapshotQuery()
  const problems: string[] = []
  let authorization = await bearerFor(fixtures.caller)
  let state = await snapshot()

  for (const call of calls) {
    // The throttles would answer 429 long before the walk ends.
    await limiter.clear()
    const url = call.url(fixtures.ids)
    const body = typeof call.body === 'function' ? call.body(fixtures.ids) : call.body
    const response = await rawRequest(
      call.method,
      url,
      {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...call.headers,
      },
      body
    )
    const where = `${call.method} ${url.slice(0, 120)} ${body?.slice(0, 60) ?? ''}`
    const now = await snapshot()
    if (response.json?.error?.message === INPUT_REACHED_DATABASE) {
      problems.push(`${where} → ${response.status}: the input reached PostgreSQL unchecked`)
    }
    if (response.status === 429) problems.push(`${where} → 429: the walk was throttled`)
    if (response.status >= 500) problems.push(`${where} → ${response.status}`)
    problems.push(...response.contractProblems)
    const changed = Object.keys(now).filter((table) => now[table] !== state[table])
    if (response.status >= 400 && changed.length) {
      problems.push(`${where} → ${response.status} yet changed ${changed.join(', ')}`)
    }
    state = now
    if (response.status < 400 && call.method !== 'GET') {
      // A success may have ended the token (logout), or used up the record
      // it named (deleted, cancelled): the next call gets fresh ones.
      const named = Object.entries(fixtures.ids).filter(([resource]) => resource !== 'self')
      if (named.some(([, id]) => url.includes(id))) {
        fixtures = await createFixtures()
        state = await snapshot()
      }
      authorization = await bearerFor(fixtures.caller)
    }
  }

  return problems
}

/**
 * One of each record a route can name, owned where it matters by the
 * caller: a Leader with money, so admin routes are walked past their
 * permission check.
 */
async function createFixtures() {
  const caller = await UserFactory.apply('admin').create()
  const other = await UserFactory.apply('verified').create()
  await fund(caller, '500')
  await fund(other, '500')
  const bounty = await postBounty(caller)
  const bytes = 'the bytes of a file'
  const attachment = await AttachmentFactory.merge({
    userId: caller.id,
    mimeType: 'text/plain',
    fileSize: bytes.length,
  }).create()
  await drive.use().put(attachment.storageKey, bytes)
  const notification = await NotificationFactory.merge({ userId: caller.id }).create()
  const tag = await TagFactory.create()
  const withdrawal = await RequestWithdrawal.handle(other, { amount: Money.parse('10') })
  return {
    caller,
    ids: {
      self: caller.id,
      bounties: bounty.id,
      files: attachment.id,
      notifications: notification.id,
      tags: tag.id,
      users: other.id,
      withdrawals: withdrawal.id,
    } as Ids,
  }
}

/**
 * Every request of the walk, from the router's routes and the document's
 * description of their query and body.
 */
function walk(): Call[] {
  const routes = Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith(`${API_PREFIX}/`))
  const calls: Call[] = []

  for (const route of routes) {
    for (const method of route.methods.filter((name) => name !== 'HEAD')) {
      const template = route.pattern.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')
      const operation = paths[template]?.[method.toLowerCase()] ?? {}
      const real = (ids: Ids) => fill(route.pattern, (resource) => ids[resource] ?? ids.bounties)
      const upper = (ids: Ids) =>
        fill(route.pattern, (resource) => (ids[resource] ?? ids.bounties).toUpperCase())
      const fields = bodyFields(operation)
      const queries = (operation.parameters ?? []).filter((item) => item.in === 'query')
      const body = method === 'GET' ? undefined : '{}'

      if (route.pattern.includes(':')) {
        for (const id of BAD_IDS) {
          calls.push({ kind: 'ids', method, url: () => fill(route.pattern, () => id), body })
        }
        calls.push({ kind: 'ids', method, url: upper, body })
      }
      for (const value of BAD_VALUES) {
        if (body) {
          const fieldValues = Object.fromEntries(fields.map((field) => [field, value]))
          calls.push({ kind: 'values', method, url: real, body: JSON.stringify(fieldValues) })
        }
        if (queries.length) {
          const text = (typeof value === 'string' ? value : JSON.stringify(value)).slice(
            0,
            MAX_QUERY_VALUE
          )
          const search = new URLSearchParams(
            queries.map((item): [string, string] => [item.name, text])
          )
          calls.push({ kind: 'query', method, url: (ids) => `${real(ids)}?${search}` })
        }
      }
      if (body) {
        for (const malformed of BAD_BODIES) {
          calls.push({ kind: 'bodies', method, url: real, body: malformed })
        }
        calls.push({
          kind: 'bodies',
          method,
          url: real,
          body,
          headers: { 'content-encoding': 'gzip' },
        })
      }
      const example = bodyExample(operation)
      for (const field of Object.keys(example)) {
        for (const value of POINTED_VALUES) {
          calls.push({
            kind: 'pointed',
            method,
            url: real,
            body: (ids) => JSON.stringify({ ...example, [field]: value(ids) }),
          })
        }
      }
    }
  }
  return calls
}

/**
 * The route's pattern with each `:param` replaced; the resource a param
 * names is the path segment before it (`/bounties/:id` → bounties).
 */
function fill(pattern: string, value: (resource: string) => string) {
  return pattern.replace(
    /([^/]+)\/:\w+/g,
    (_, resource: string) => `${resource}/${value(resource)}`
  )
}

/**
 * The valid body the document shows as its example, if any.
 */
function bodyExample(operation: Operation): Record<string, unknown> {
  const example = operation.requestBody?.content['application/json']?.example
  return example && typeof example === 'object' ? (example as Record<string, unknown>) : {}
}

/**
 * The body's field names as the document lists them (JSON or multipart).
 */
function bodyFields(operation: Operation) {
  const content = operation.requestBody?.content ?? {}
  const schema = Object.values(content)[0]?.schema ?? {}
  return Object.keys(schema.properties ?? {})
}

/**
 * A function that returns a digest of every table's rows (one query), so
 * any insert, update or delete shows, not only a change in counts.
 */
async function snapshotQuery() {
  const rows: { tablename: string }[] = await db
    .from('pg_tables')
    .where('schemaname', db.raw('current_schema()'))
    .select('tablename')
    .orderBy('tablename')
  const tables = rows.map((row) => row.tablename).filter((name) => !VOLATILE_TABLES.has(name))
  const sql = `select ${tables
    .map(
      (name) =>
        `(select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from "${name}" t) as "${name}"`
    )
    .join(', ')}`
  return async () => {
    const result = await db.rawQuery(sql)
    return result.rows[0] as Record<string, string>
  }
}
