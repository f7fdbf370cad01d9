import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Money from '#ledger/money'
import {
  type AccountRef,
  type LockedAccount,
  type NamedAccountRef,
  accounts,
  lockAccounts,
  lockStatement,
  openAccount,
  readAccount,
  whereRefs,
  refKey,
} from '#ledger/accounts'

export { accounts, type AccountRef, type NamedAccountRef } from '#ledger/accounts'

type EntryKind = 'TRANSFER' | 'HOLD' | 'CAPTURE' | 'RELEASE'

type Posting = { account: LockedAccount; amount: Money }

/**
 * A piece of SQL with the values of its `?` placeholders, in order.
 */
export type SqlFragment = { sql: string; bindings: unknown[] }

/**
 * Common table expressions written in a movement's one statement
 * (`Ledger.walletTransfer`). They may read `ledger_movement` (per wallet:
 * `account_id`, `user_id`, signed `amount`, `balance_before`,
 * `balance_after`) and `ledger_entry` (`id`; no row when the movement was
 * not written), and must write nothing when `ledger_entry` is empty.
 */
export type BesideMovement = SqlFragment

/**
 * A condition of the caller's that a wallet transfer's entry also waits on
 * (over the database's tables; it cannot read the statement's
 * expressions), and what explains it: when nothing was written, `explain`
 * runs first and throws if the condition is why (the ledger's own reasons,
 * a wallet not opened or a short sender, come after).
 */
export type TransferCondition = SqlFragment & { explain: () => Promise<void> }

type WalletMovement = {
  fromUserId: string
  toUserId: string
  amount: Money
  /**
   * The journal memo: text, or an SQL text expression (with its bindings)
   * read in the statement, such as a member's username.
   */
  description: string | SqlFragment
}

/**
 * What a movement did to each account it touched, for the history rows
 * written beside it (balance before and after, per seed 002).
 */
export class Movement {
  constructor(
    readonly entryId: string,
    readonly holdId: string | null,
    private accountsByRef: Map<string, LockedAccount>,
    private deltas: Map<string, Money>
  ) {}

  account(ref: AccountRef) {
    const account = this.accountsByRef.get(refKey(ref))
    if (!account) throw new Error(`The movement did not touch ${refKey(ref)}`)
    return account
  }

  balanceBefore(ref: AccountRef) {
    return this.account(ref).balance
  }

  balanceAfter(ref: AccountRef) {
    const account = this.account(ref)
    return account.balance.plus(this.deltas.get(account.id) ?? Money.ZERO)
  }
}

type HoldRow = {
  id: string
  source_account_id: string
  holding_account_id: string
  remaining: string
}

const RETRYABLE = new Set(['40P01', '40001'])

/**
 * The money engine. Every movement is a balanced journal entry written in
 * the caller's database transaction, after the accounts it touches are
 * locked in ascending id order. Wallets (and the system accounts) are
 * opened on first use, inside that same transaction.
 */
export default class Ledger {
  /**
   * Runs a movement in its own transaction. PostgreSQL may still pick a
   * deadlock victim when a workflow locks outside the ledger's order (an
   * account opened concurrently on first use): such a transaction rolled
   * back entirely, so it is retried.
   */
  static async transaction<T>(callback: (trx: TransactionClientContract) => Promise<T>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runInTransaction(callback)
      } catch (error) {
        const code = (error as { code?: string }).code
        if (attempt >= 3 || !code || !RETRYABLE.has(code)) throw error
      }
    }
  }

  static openAccount(ref: NamedAccountRef, client = db.connection()) {
    return openAccount(client, ref)
  }

  /**
   * Available and held amounts of an account; zero for one never opened.
   */
  static async balances(ref: AccountRef, client = db.connection()) {
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
    client = db.connection()
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

  static async transfer(
    trx: TransactionClientContract,
    movement: { from: AccountRef; to: AccountRef; amount: Money; description: string }
  ): Promise<Movement> {
    assertPositive(movement.amount)
    const locked = await lockAccounts(trx, [movement.from, movement.to])
    const from = locked.get(refKey(movement.from))!
    const to = locked.get(refKey(movement.to))!
    assertFreeAccount(from)
    assertFreeAccount(to)
    if (from.id === to.id) throw new Error('A transfer needs two different accounts')
    return post(trx, locked, 'TRANSFER', movement.description, null, [
      { account: from, amount: movement.amount.negated() },
      { account: to, amount: movement.amount },
    ])
  }

  /**
   * A transfer between two members' wallets, and what the caller writes
   * beside it (history lines, the notice), as ONE statement committed on
   * its own: a tip's one round trip to the database where `transfer` in a
   * transaction takes four (BEGIN, lock, entry, COMMIT) and one more per
   * line written. The same rules: the wallets are locked in ascending id
   * order, the entry is written only if the sender's wallet covers it (the
   * database refuses an overdraft anyway), and the postings' trigger moves
   * the balances.
   *
   * Returns the rows of `select` (over the caller's expressions). When
   * nothing was written, `beside.when` explains first (see
   * TransferCondition); then a wallet not opened yet is opened and the
   * statement runs again, and a sender who cannot cover the amount gets
   * INSUFFICIENT_FUNDS.
   */
  static async walletTransfer(
    movement: WalletMovement,
    beside: { with: BesideMovement[]; select: string; when?: TransferCondition }
  ): Promise<Record<string, unknown>[]> {
    assertPositive(movement.amount)
    if (movement.fromUserId === movement.toUserId) {
      throw new Error('A transfer needs two different accounts')
    }
    const parts = [walletTransferStatement(movement, beside.when), ...beside.with]
    const sql = `WITH ${parts.map((part) => part.sql).join(',\n')}
      SELECT written.* FROM ledger_entry LEFT JOIN (${beside.select}) AS written ON true`
    const bindings = parts.flatMap((part) => part.bindings)

    for (let attempt = 1; attempt <= 3; attempt++) {
      const { rows } = await db.rawQuery<{ rows: Record<string, unknown>[] }>(sql, bindings)
      if (rows.length) return rows
      await beside.when?.explain()
      await whyNotWritten(movement)
    }
    throw new Error('The wallet transfer was not written after three attempts')
  }

  /**
   * Sets money aside: it leaves `from` (no longer spendable) for a holding
   * account until it is captured or released. `from.held` tracks it.
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
  ): Promise<Movement & { holdId: string }> {
    assertPositive(movement.amount)
    const locked = await lockAccounts(trx, [movement.from, movement.into])
    const from = locked.get(refKey(movement.from))!
    const into = locked.get(refKey(movement.into))!
    if (into.kind !== 'HOLDING' && into.kind !== 'ESCROW') {
      throw new Error(`Money can only be held in a holding or escrow account, not ${into.kind}`)
    }
    assertCovered(from, movement.amount)
    const { rows } = await trx.rawQuery<{ rows: { id: string }[] }>(
      `INSERT INTO ledger_holds (source_account_id, holding_account_id, purpose, reference_id, amount)
       VALUES (?, ?, ?, NULLIF(?, '')::uuid, ?) RETURNING id`,
      [from.id, into.id, movement.purpose, movement.referenceId ?? '', movement.amount.toString()]
    )
    const holdId = String(rows[0].id)
    return post(trx, locked, 'HOLD', movement.description, holdId, [
      { account: from, amount: movement.amount.negated() },
      { account: into, amount: movement.amount },
    ]) as Promise<Movement & { holdId: string }>
  }

  /**
   * Pays held money onwards (all that is left unless an amount is given).
   */
  static async capture(
    trx: TransactionClientContract,
    holdId: string,
    movement: { to: AccountRef; amount?: Money; description: string }
  ): Promise<Movement> {
    const hold = await lockHold(trx, holdId)
    const amount = settleAmount(hold, movement.amount)
    const locked = await lockAccounts(trx, [
      { id: hold.holding_account_id },
      { id: hold.source_account_id },
      movement.to,
    ])
    const to = locked.get(refKey(movement.to))!
    assertFreeAccount(to)
    await settle(trx, hold, 'captured_amount', amount)
    return post(trx, locked, 'CAPTURE', movement.description, hold.id, [
      { account: locked.get(`id:${hold.holding_account_id}`)!, amount: amount.negated() },
      { account: to, amount },
    ])
  }

  /**
   * Returns held money to where it came from.
   */
  static async release(
    trx: TransactionClientContract,
    holdId: string,
    movement: { amount?: Money; description: string }
  ): Promise<Movement> {
    const hold = await lockHold(trx, holdId)
    const amount = settleAmount(hold, movement.amount)
    const locked = await lockAccounts(trx, [
      { id: hold.holding_account_id },
      { id: hold.source_account_id },
    ])
    await settle(trx, hold, 'released_amount', amount)
    return post(trx, locked, 'RELEASE', movement.description, hold.id, [
      { account: locked.get(`id:${hold.holding_account_id}`)!, amount: amount.negated() },
      { account: locked.get(`id:${hold.source_account_id}`)!, amount },
    ])
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

function assertPositive(amount: Money) {
  if (!amount.isPositive())
    throw new RangeError(`A movement needs a positive amount, got ${amount}`)
}

/**
 * Holding and escrow accounts only move through holds, so that their
 * balance always equals what their open holds still hold (ledger:verify).
 */
function assertFreeAccount(account: LockedAccount) {
  if (account.kind === 'HOLDING' || account.kind === 'ESCROW') {
    throw new Error(`${account.kind} accounts only move through holds`)
  }
}

function assertCovered(account: LockedAccount, amount: Money) {
  if (account.kind === 'TREASURY' || !account.balance.lessThan(amount)) return
  throw new DomainError(
    'INSUFFICIENT_FUNDS',
    `Insufficient funds: ${amount.format()} needed, ${account.balance.format()} available`,
    { field: 'amount', meta: { available: account.balance.toString() } }
  )
}

/**
 * The movement part of `walletTransfer`: lock both wallets (`ledger_locked`),
 * pair them with their postings (`ledger_movement`), write the entry when
 * both wallets exist and none goes below zero (`ledger_entry`) and its
 * postings.
 */
function walletTransferStatement(
  movement: WalletMovement,
  when?: TransferCondition
): BesideMovement {
  const lock = lockStatement([
    accounts.wallet(movement.fromUserId),
    accounts.wallet(movement.toUserId),
  ])
  const memo =
    typeof movement.description === 'string'
      ? { sql: '?::text', bindings: [movement.description] }
      : movement.description
  return {
    sql: `ledger_locked AS (${lock.sql}),
      ledger_movement AS (
        SELECT locked.id AS account_id, locked.user_id, posting.amount,
               locked.balance AS balance_before, locked.balance + posting.amount AS balance_after
          FROM (VALUES (?::uuid, ?::numeric), (?::uuid, ?::numeric)) AS posting (user_id, amount)
          JOIN ledger_locked AS locked USING (user_id)
      ),
      ledger_entry AS (
        INSERT INTO ledger_entries (kind, description)
        SELECT 'TRANSFER', ${memo.sql}
         WHERE (SELECT count(*) FROM ledger_movement) = 2
           AND NOT EXISTS (SELECT FROM ledger_movement WHERE balance_after < 0)
           AND (${when?.sql ?? 'true'})
        RETURNING id
      ),
      ledger_posted AS (
        INSERT INTO ledger_postings (entry_id, account_id, amount)
        SELECT ledger_entry.id, ledger_movement.account_id, ledger_movement.amount
          FROM ledger_entry, ledger_movement
      )`,
    bindings: [
      ...lock.bindings,
      movement.fromUserId,
      movement.amount.negated().toString(),
      movement.toUserId,
      movement.amount.toString(),
      ...memo.bindings,
      ...(when?.bindings ?? []),
    ],
  }
}

/**
 * Why `walletTransfer` wrote nothing: a wallet not opened yet (opened now,
 * so the caller tries again) or a sender short of funds (thrown). If the
 * sender can cover it now, money arrived in between: try again.
 */
async function whyNotWritten(movement: WalletMovement) {
  const wallets = [accounts.wallet(movement.fromUserId), accounts.wallet(movement.toUserId)]
  let opened = false
  const [from] = await Promise.all(
    wallets.map(async (ref) => {
      const account = await readAccount(db.connection(), ref)
      if (account) return account
      opened = true
      return openAccount(db.connection(), ref)
    })
  )
  if (!opened) assertCovered(from, movement.amount)
}

async function lockHold(trx: TransactionClientContract, holdId: string) {
  const { rows } = await trx.rawQuery<{ rows: HoldRow[] }>(
    `SELECT id, source_account_id, holding_account_id, remaining
       FROM ledger_holds WHERE id = ? FOR UPDATE`,
    [holdId]
  )
  if (!rows[0]) throw new Error(`Ledger hold ${holdId} does not exist`)
  return { ...rows[0], id: String(rows[0].id) }
}

function settleAmount(hold: HoldRow, requested?: Money) {
  const remaining = Money.fromDb(hold.remaining)
  const amount = requested ?? remaining
  assertPositive(amount)
  if (amount.greaterThan(remaining)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Only ${remaining.format()} is still held, ${amount.format()} cannot be settled`
    )
  }
  return amount
}

async function settle(
  trx: TransactionClientContract,
  hold: HoldRow,
  column: 'captured_amount' | 'released_amount',
  amount: Money
) {
  await trx.rawQuery(
    `UPDATE ledger_holds SET ${column} = ${column} + ?,
       settled_at = CASE WHEN remaining = ? THEN now() END
     WHERE id = ?`,
    [amount.toString(), amount.toString(), hold.id]
  )
}

/**
 * Writes the entry and its postings in one statement. The postings trigger
 * moves the cached balances; the deferred constraint triggers check at
 * commit that the entry balances.
 */
async function post(
  trx: TransactionClientContract,
  locked: Map<string, LockedAccount>,
  kind: EntryKind,
  description: string,
  holdId: string | null,
  postings: Posting[]
): Promise<Movement> {
  const deltas = new Map<string, Money>()
  for (const { account, amount } of postings) {
    deltas.set(account.id, (deltas.get(account.id) ?? Money.ZERO).plus(amount))
  }
  for (const { account } of postings) {
    const delta = deltas.get(account.id)!
    if (delta.isNegative()) assertCovered(account, delta.negated())
  }

  const values = postings.map(() => '(?::bigint, ?::numeric)').join(', ')
  const { rows } = await trx.rawQuery<{ rows: { entry_id: string }[] }>(
    `WITH entry AS (
       INSERT INTO ledger_entries (kind, description, hold_id)
         VALUES (?, ?, NULLIF(?, '')::bigint) RETURNING id
     )
     INSERT INTO ledger_postings (entry_id, account_id, amount)
       SELECT entry.id, posting.account_id, posting.amount
         FROM entry, (VALUES ${values}) AS posting (account_id, amount)
     RETURNING entry_id`,
    [
      kind,
      description,
      holdId ?? '',
      ...postings.flatMap(({ account, amount }) => [account.id, amount.toString()]),
    ]
  )
  return new Movement(String(rows[0].entry_id), holdId, locked, deltas)
}
