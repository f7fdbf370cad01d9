import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { DomainError } from '#exceptions/domain_error'
import Money from '#ledger/money'
import {
  type AccountKind,
  type AccountRef,
  type NamedAccountRef,
  accountSql,
  keysOf,
  openAccount,
  readAccount,
  refKey,
  whereRefs,
} from '#ledger/accounts'

export { accounts, type AccountRef, type NamedAccountRef } from '#ledger/accounts'

/**
 * One row of a money verb's result (the `ledger_movement` type of migration
 * 0210): an account the entry posted to, with its balance around it.
 */
export type MovementRow = {
  entry_id: string
  hold_id: string | null
  account_id: string
  kind: AccountKind
  user_id: string | null
  bounty_id: string | null
  code: string | null
  amount: string
  balance_before: string
  balance_after: string
}

/**
 * What a movement did to each account it posted to, for the history lines
 * written beside it.
 */
export class Movement {
  readonly entryId: string
  readonly holdId: string | null
  #byRef = new Map<string, MovementRow>()

  constructor(rows: MovementRow[]) {
    this.entryId = String(rows[0].entry_id)
    this.holdId = rows[0].hold_id === null ? null : String(rows[0].hold_id)
    for (const row of rows) {
      for (const key of keysOf({ ...row, id: row.account_id })) this.#byRef.set(key, row)
    }
  }

  balanceBefore(ref: AccountRef) {
    return Money.fromDb(this.#row(ref).balance_before)
  }

  balanceAfter(ref: AccountRef) {
    return Money.fromDb(this.#row(ref).balance_after)
  }

  #row(ref: AccountRef) {
    const row = this.#byRef.get(refKey(ref))
    if (!row) throw new Error(`The movement did not post to ${refKey(ref)}`)
    return row
  }
}

export type NamedBindings = Record<string, unknown>

const RETRYABLE = new Set(['40P01', '40001'])

/**
 * The money engine. Each verb (transfer, hold, capture, release) is one SQL
 * function, defined in migration 0210, that locks the accounts it touches in
 * ascending id order and writes a balanced journal entry: a reader finds
 * there all a verb does to the database. These methods call them in the
 * caller's transaction; a workflow that is one statement of its own (a tip)
 * calls the same function inside it and runs it with `Ledger.statement`.
 * Accounts are opened on first use by the functions themselves.
 */
export default class Ledger {
  /**
   * Runs a workflow in its own transaction. PostgreSQL may still pick a
   * deadlock victim when a workflow locks outside the ledger's order (two
   * accounts opened concurrently on first use): such a transaction rolled
   * back entirely, so it is retried.
   */
  static transaction<T>(callback: (trx: TransactionClientContract) => Promise<T>) {
    return retryRolledBack(() => runInTransaction(callback))
  }

  /**
   * Runs one statement that calls a money verb, committed on its own: a
   * refusal (INSUFFICIENT_FUNDS…) rolled back everything it would have
   * written, and a deadlock victim is run again. Bindings are named
   * (`:name`, as knex binds them; null is SQL NULL).
   */
  static async statement<Row>(sql: string, bindings: NamedBindings): Promise<Row[]> {
    const form = positionalFormOf(sql, bindings)
    const values = form.names.map((name) => {
      if (!(name in bindings)) throw new Error(`No value for the statement’s :${name}`)
      return bindings[name]
    }) as RawQueryBindings
    return retryRolledBack(async () => {
      const { rows } = await db.rawQuery<{ rows: Row[] }>(form.sql, values).catch(refusal)
      return rows
    })
  }

  static openAccount(ref: NamedAccountRef, client: QueryClientContract = db.connection()) {
    return openAccount(client, ref)
  }

  /**
   * Available and held amounts of an account; zero for one never opened.
   */
  static async balances(ref: AccountRef, client: QueryClientContract = db.connection()) {
    const account = await readAccount(client, ref)
    return { balance: account?.balance ?? Money.ZERO, held: account?.held ?? Money.ZERO }
  }

  /**
   * The account's balance at the end of each day from `from` to `to` (UTC
   * dates as YYYY-MM-DD, both included), summed from its postings: what a
   * balance chart plots. An account not opened yet held zero every day.
   */
  static async dailyBalances(
    ref: AccountRef,
    from: string,
    to: string,
    client: QueryClientContract = db.connection()
  ): Promise<{ day: string; balance: Money }[]> {
    const account = whereRefs([ref])
    const { rows } = await client.rawQuery<{ rows: { day: string; balance: string }[] }>(
      `WITH daily AS (
         SELECT (e.created_at AT TIME ZONE 'UTC')::date AS day, sum(p.amount) AS amount
           FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
          WHERE p.account_id = (SELECT id FROM ledger_accounts WHERE ${account.where})
            AND e.created_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'
          GROUP BY 1
       )
       SELECT d::date::text AS day,
              (SELECT COALESCE(sum(amount), 0) FROM daily WHERE daily.day <= d::date)::text AS balance
         FROM generate_series(?::date, ?::date, interval '1 day') AS d
        ORDER BY d`,
      [...account.bindings, to, from, to]
    )
    return rows.map(({ day, balance }) => ({ day, balance: Money.fromDb(balance) }))
  }

  /**
   * Moves money between two free accounts (`ledger_transfer`).
   */
  static transfer(
    trx: TransactionClientContract,
    movement: { from: AccountRef; to: AccountRef; amount: Money; description: string }
  ) {
    const from = accountSql(movement.from)
    const to = accountSql(movement.to)
    return move(trx, `ledger_transfer(${from.sql}, ${to.sql}, ?::numeric, ?)`, [
      ...from.bindings,
      ...to.bindings,
      movement.amount.toString(),
      movement.description,
    ])
  }

  /**
   * Sets money aside (`ledger_hold`): it leaves `from` (no longer
   * spendable) for a holding or escrow account until it is captured or
   * released. `from.held` tracks it.
   */
  static async hold(
    trx: TransactionClientContract,
    movement: {
      from: AccountRef
      into: AccountRef
      amount: Money
      purpose: string
      referenceId?: string | null
      description: string
    }
  ) {
    const from = accountSql(movement.from)
    const into = accountSql(movement.into)
    const held = await move(
      trx,
      `ledger_hold(${from.sql}, ${into.sql}, ?::numeric, ?, ?::uuid, ?)`,
      [
        ...from.bindings,
        ...into.bindings,
        movement.amount.toString(),
        movement.purpose,
        movement.referenceId ?? null,
        movement.description,
      ]
    )
    return held as Movement & { holdId: string }
  }

  /**
   * Pays held money onwards (`ledger_capture`; all that is left unless an
   * amount is given).
   */
  static capture(
    trx: TransactionClientContract,
    holdId: string,
    movement: { to: AccountRef; amount?: Money; description: string }
  ) {
    const to = accountSql(movement.to)
    return move(trx, `ledger_capture(?::bigint, ${to.sql}, ?::numeric, ?)`, [
      holdId,
      ...to.bindings,
      movement.amount?.toString() ?? null,
      movement.description,
    ])
  }

  /**
   * Returns held money to where it came from (`ledger_release`).
   */
  static release(
    trx: TransactionClientContract,
    holdId: string,
    movement: { amount?: Money; description: string }
  ) {
    return move(trx, `ledger_release(?::bigint, ?::numeric, ?)`, [
      holdId,
      movement.amount?.toString() ?? null,
      movement.description,
    ])
  }
}

async function move(trx: TransactionClientContract, verb: string, bindings: unknown[]) {
  const { rows } = await trx
    .rawQuery<{ rows: MovementRow[] }>(`SELECT * FROM ${verb}`, bindings as RawQueryBindings)
    .catch(refusal)
  return new Movement(rows)
}

/**
 * The verbs' own refusals (SQLSTATE LE001, LE002, with JSON details) as the
 * domain errors pages and the API word; anything else is rethrown as is.
 */
function refusal(error: { code?: string; detail?: string }): never {
  if (error.code === 'LE001') {
    const { needed, available } = JSON.parse(error.detail!)
    throw new DomainError(
      'INSUFFICIENT_FUNDS',
      `Insufficient funds: ${Money.fromDb(needed).format()} needed, ` +
        `${Money.fromDb(available).format()} available`,
      { field: 'amount', meta: { available: Money.fromDb(available).toString() } }
    )
  }
  if (error.code === 'LE002') {
    const { requested, remaining } = JSON.parse(error.detail!)
    throw new DomainError(
      'INVALID_TRANSITION',
      `Only ${Money.fromDb(remaining).format()} is still held, ` +
        `${Money.fromDb(requested).format()} cannot be settled`
    )
  }
  throw error
}

/**
 * A statement's named parameters as positional ones, worked out once per
 * statement: knex would otherwise scan its whole text for `:name` on every
 * call (a tip's is 4 KB). A name not among the bindings is left alone, as
 * knex leaves it (`::uuid` is a cast).
 */
const positionalForms = new Map<string, { sql: string; names: string[] }>()

function positionalFormOf(sql: string, example: NamedBindings) {
  let form = positionalForms.get(sql)
  if (!form) {
    if (sql.includes('?')) throw new Error('A statement with named bindings cannot contain "?"')
    const names: string[] = []
    const text = sql.replace(/(?<![:\w]):(\w+)/g, (placeholder, name: string) => {
      if (!(name in example)) return placeholder
      names.push(name)
      return '?'
    })
    form = { sql: text, names }
    positionalForms.set(sql, form)
  }
  return form
}

async function retryRolledBack<T>(attempt: () => Promise<T>) {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      const code = (error as { code?: string }).code
      if (tries >= 3 || !code || !RETRYABLE.has(code)) throw error
    }
  }
}

/**
 * knex resolves `commit()` even when PostgreSQL refuses the COMMIT (a
 * deferred ledger check, a dropped connection) and reports the outcome only
 * on the transaction's execution promise: without awaiting it, a movement
 * the database rolled back would be reported as done.
 */
async function runInTransaction<T>(callback: (trx: TransactionClientContract) => Promise<T>) {
  const trx = await db.transaction()
  let result: T
  try {
    result = await callback(trx)
  } catch (error) {
    await trx.rollback()
    throw error
  }
  await trx.commit()
  await trx.knexClient.executionPromise
  return result
}
