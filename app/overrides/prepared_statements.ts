import { createHash } from 'node:crypto'

/**
 * How many statements this wrapper prepares on one database connection. Each
 * holds a parse tree and plans in its PostgreSQL backend; past this many, new
 * statements run unprepared, as before (the hot ones are prepared first).
 * The rate limiter's store names statements of its own, on a pool of its
 * own (`limiter` in config/database.ts) that this wrapper does not touch.
 */
export const PREPARED_PER_CONNECTION = 250

/**
 * PostgreSQL's answer when a prepared statement's result columns changed
 * under it (a migration added or dropped a column of a `SELECT *` table).
 */
const RESULT_TYPE_CHANGED = 'cached plan must not change result type'

type QueryConfig = { text?: unknown; values?: unknown; name?: string }
type Callback = (error: (Error & { code?: string }) | null, result: unknown) => void
type PgConnection = { query: (config: unknown, values?: unknown, callback?: unknown) => unknown }

/**
 * Statement text → its SHA-1, shared by every connection: a Map lookup is a
 * fraction of hashing a tip's 3 KB statement again on every call. Bounded:
 * past the bound (texts built with values inside, which are not reused)
 * it starts afresh.
 */
const digests = new Map<string, string>()
const DIGESTS_KEPT = 2000

function digestOf(text: string) {
  let digest = digests.get(text)
  if (digest === undefined) {
    if (digests.size >= DIGESTS_KEPT) digests.clear()
    digest = createHash('sha1').update(text).digest('base64url')
    digests.set(text, digest)
  }
  return digest
}

/**
 * Makes every parameterized query of a `pg` connection a named prepared
 * statement (name = hash of its text): PostgreSQL then parses it once per
 * connection and, after a few runs, reuses its plan, where an unnamed
 * statement is parsed and planned on every call.
 *
 * knex (and so Lucid) sends every query unnamed and has no option for
 * names that follow the text, so this wraps the connection's `query` when
 * the pool creates it (config/database.ts). When a migration changes the
 * columns a prepared statement returns, that one call fails and the
 * connection starts afresh with new names.
 */
export function prepareStatements<Connection extends PgConnection>(connection: Connection) {
  const query = connection.query.bind(connection)
  let prefix = 'p0_'
  let generation = 0
  let prepared = 0
  const names = new Set<string>()

  connection.query = (config: unknown, values?: unknown, callback?: unknown) => {
    const statement = config as QueryConfig
    if (
      !statement ||
      // Only plain configs: a submittable (a query stream's cursor) keeps
      // its own prototype and state, which a copy would lose.
      Object.getPrototypeOf(statement) !== Object.prototype ||
      typeof statement.text !== 'string' ||
      statement.name !== undefined ||
      !Array.isArray(statement.values) ||
      !statement.values.length
    ) {
      return query(config, values, callback)
    }
    const name = prefix + digestOf(statement.text)
    if (!names.has(name)) {
      if (prepared >= PREPARED_PER_CONNECTION) return query(config, values, callback)
      prepared++
      names.add(name)
    }
    const named = { ...statement, name }

    // A migration changed what a prepared statement returns: start afresh.
    const notice = (error: (Error & { code?: string }) | null) => {
      if (error?.code === '0A000' && error.message.includes(RESULT_TYPE_CHANGED)) {
        prefix = `p${++generation}_`
        names.clear()
      }
    }
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined
    if (!done) {
      return (query(named, values) as Promise<unknown>).catch((error) => {
        notice(error)
        throw error
      })
    }
    const forward: Callback = (error, result) => {
      notice(error)
      done(error, result)
    }
    return typeof values === 'function' ? query(named, forward) : query(named, values, forward)
  }
  return connection
}
