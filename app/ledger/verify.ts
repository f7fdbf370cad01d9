import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AccountKind } from '#ledger/accounts'
import Money from '#ledger/money'

export type LedgerProblem = {
  check:
    | 'entry_unbalanced'
    | 'ledger_total'
    | 'cached_balance'
    | 'cached_held'
    | 'negative_balance'
    | 'holding_balance'
    | 'withdrawal_hold'
  subject: string
  message: string
}

export type LedgerReport = {
  ok: boolean
  counts: { accounts: number; entries: number; postings: number; openHolds: number }
  total: Money
  balancesByKind: Record<AccountKind, Money>
  heldInWallets: Money
  problems: LedgerProblem[]
  problemCount: number
  durationMs: number
}

export type VerifyProgress = { phase: 'entries' | 'accounts'; done: number; total: number }

type AccountRow = {
  id: string
  kind: AccountKind
  code: string | null
  user_id: string | null
  bounty_id: string | null
  balance: string
  held: string
  posted: string
  held_from: string
  held_inside: string
}

/**
 * How many problems a report lists in full; the rest are only counted.
 */
const LISTED_PROBLEMS = 100

/**
 * Recomputes the ledger from its postings and compares it with everything
 * derived from them. One function for `node ace ledger:verify` and the admin
 * treasury page. It reads one consistent snapshot (REPEATABLE READ), in id
 * batches so that a large ledger reports progress and never loads at once.
 */
export async function verifyLedger(
  options: { batchSize?: number; onProgress?: (progress: VerifyProgress) => void } = {}
): Promise<LedgerReport> {
  const started = performance.now()
  const batchSize = options.batchSize ?? 5000
  return inSnapshot(async (trx) => {
    const report = new ReportBuilder()
    const totals = await countAll(trx)

    for await (const done of batches(trx, 'ledger_entries', batchSize)) {
      await checkEntries(trx, done.from, done.to, report)
      options.onProgress?.({ phase: 'entries', done: done.seen, total: totals.entries })
    }
    for await (const done of batches(trx, 'ledger_accounts', batchSize)) {
      await checkAccounts(trx, done.from, done.to, report)
      options.onProgress?.({ phase: 'accounts', done: done.seen, total: totals.accounts })
    }
    await checkLedgerTotal(trx, report)
    await checkWithdrawalHolds(trx, report)

    return report.build(totals, performance.now() - started)
  })
}

/**
 * One REPEATABLE READ snapshot for the whole check, so a verification that
 * runs beside live traffic compares figures of the same instant. Inside an
 * enclosing transaction (a test's global one) its snapshot already applies.
 */
function inSnapshot<T>(callback: (trx: TransactionClientContract) => Promise<T>) {
  const client = db.connection()
  return client.isTransaction
    ? client.transaction(callback)
    : db.transaction(callback, { isolationLevel: 'repeatable read' })
}

class ReportBuilder {
  problems: LedgerProblem[] = []
  problemCount = 0
  total = Money.ZERO
  heldInWallets = Money.ZERO
  balancesByKind: Record<AccountKind, Money> = {
    WALLET: Money.ZERO,
    ESCROW: Money.ZERO,
    HOLDING: Money.ZERO,
    TREASURY: Money.ZERO,
    SHOP: Money.ZERO,
  }

  add(problem: LedgerProblem) {
    this.problemCount++
    if (this.problems.length < LISTED_PROBLEMS) this.problems.push(problem)
  }

  build(counts: LedgerReport['counts'], durationMs: number): LedgerReport {
    return {
      ok: this.problemCount === 0,
      counts,
      total: this.total,
      balancesByKind: this.balancesByKind,
      heldInWallets: this.heldInWallets,
      problems: this.problems,
      problemCount: this.problemCount,
      durationMs: Math.round(durationMs),
    }
  }
}

async function countAll(trx: TransactionClientContract) {
  const { rows } = await trx.rawQuery<{ rows: Record<string, string>[] }>(`
    SELECT (SELECT count(*) FROM ledger_accounts) AS accounts,
           (SELECT count(*) FROM ledger_entries) AS entries,
           (SELECT count(*) FROM ledger_postings) AS postings,
           (SELECT count(*) FROM ledger_holds WHERE remaining > 0) AS open_holds
  `)
  return {
    accounts: Number(rows[0].accounts),
    entries: Number(rows[0].entries),
    postings: Number(rows[0].postings),
    openHolds: Number(rows[0].open_holds),
  }
}

/**
 * Walks a table by id ranges of `size` rows.
 */
async function* batches(trx: TransactionClientContract, table: string, size: number) {
  let after = '0'
  let seen = 0
  for (;;) {
    const { rows } = await trx.rawQuery<{ rows: { last: string | null; n: string }[] }>(
      `SELECT max(id) AS last, count(*) AS n
         FROM (SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ?) AS batch`,
      [after, size]
    )
    if (!rows[0].last) return
    seen += Number(rows[0].n)
    yield { from: after, to: String(rows[0].last), seen }
    after = String(rows[0].last)
  }
}

async function checkEntries(
  trx: TransactionClientContract,
  after: string,
  upTo: string,
  report: ReportBuilder
) {
  const { rows } = await trx.rawQuery<{ rows: { id: string; postings: string; total: string }[] }>(
    `SELECT entry.id, count(posting.id) AS postings, coalesce(sum(posting.amount), 0) AS total
       FROM ledger_entries AS entry
       LEFT JOIN ledger_postings AS posting ON posting.entry_id = entry.id
      WHERE entry.id > ? AND entry.id <= ?
      GROUP BY entry.id
     HAVING count(posting.id) < 2 OR coalesce(sum(posting.amount), 0) <> 0`,
    [after, upTo]
  )
  for (const row of rows) {
    report.add({
      check: 'entry_unbalanced',
      subject: `entry ${row.id}`,
      message: `${row.postings} posting(s) summing to ${Money.fromDb(row.total)}`,
    })
  }
}

async function checkAccounts(
  trx: TransactionClientContract,
  after: string,
  upTo: string,
  report: ReportBuilder
) {
  const { rows } = await trx.rawQuery<{ rows: AccountRow[] }>(
    `SELECT account.id, account.kind, account.code, account.user_id, account.bounty_id,
            account.balance, account.held,
            coalesce(posted.total, 0) AS posted,
            coalesce(held_from.total, 0) AS held_from,
            coalesce(held_inside.total, 0) AS held_inside
       FROM ledger_accounts AS account
       LEFT JOIN LATERAL (
         SELECT sum(amount) AS total FROM ledger_postings WHERE account_id = account.id
       ) AS posted ON true
       LEFT JOIN LATERAL (
         SELECT sum(remaining) AS total FROM ledger_holds
          WHERE source_account_id = account.id AND remaining > 0
       ) AS held_from ON true
       LEFT JOIN LATERAL (
         SELECT sum(remaining) AS total FROM ledger_holds
          WHERE holding_account_id = account.id AND remaining > 0
       ) AS held_inside ON true
      WHERE account.id > ? AND account.id <= ?
      ORDER BY account.id`,
    [after, upTo]
  )
  for (const row of rows) {
    const subject = describeAccount(row)
    const cached = Money.fromDb(row.balance)
    const posted = Money.fromDb(row.posted)
    const held = Money.fromDb(row.held)
    const heldFrom = Money.fromDb(row.held_from)
    const heldInside = Money.fromDb(row.held_inside)

    report.balancesByKind[row.kind] = report.balancesByKind[row.kind].plus(posted)
    if (row.kind === 'WALLET') report.heldInWallets = report.heldInWallets.plus(heldFrom)

    if (!cached.equals(posted)) {
      report.add({
        check: 'cached_balance',
        subject,
        message: `cached balance ${cached} but postings sum to ${posted}`,
      })
    }
    if (!held.equals(heldFrom)) {
      report.add({
        check: 'cached_held',
        subject,
        message: `cached held ${held} but open holds from it total ${heldFrom}`,
      })
    }
    if (row.kind !== 'TREASURY' && posted.isNegative()) {
      report.add({ check: 'negative_balance', subject, message: `balance is ${posted}` })
    }
    const holds = row.kind === 'HOLDING' || row.kind === 'ESCROW'
    if (holds ? !posted.equals(heldInside) : !heldInside.isZero()) {
      report.add({
        check: 'holding_balance',
        subject,
        message: `holds ${posted} but its open holds total ${heldInside}`,
      })
    }
  }
}

async function checkLedgerTotal(trx: TransactionClientContract, report: ReportBuilder) {
  const { rows } = await trx.rawQuery<{ rows: { total: string }[] }>(
    'SELECT coalesce(sum(amount), 0) AS total FROM ledger_postings'
  )
  report.total = Money.fromDb(rows[0].total)
  if (!report.total.isZero()) {
    report.add({
      check: 'ledger_total',
      subject: 'all accounts',
      message: `postings sum to ${report.total} instead of 0.00`,
    })
  }
}

/**
 * The history must agree with the ledger: a pending withdrawal still holds
 * exactly its amount, and a decided one holds nothing any more.
 */
async function checkWithdrawalHolds(trx: TransactionClientContract, report: ReportBuilder) {
  const { rows } = await trx.rawQuery<{
    rows: { id: string; status: string; remaining: string | null }[]
  }>(
    `SELECT record.id, record.status, hold.remaining
       FROM transactions AS record
       LEFT JOIN ledger_holds AS hold ON hold.id = record.hold_id
      WHERE record.type = 'WITHDRAWAL'
        AND (hold.id IS NULL
          OR (record.status = 'PENDING' AND hold.remaining <> record.amount)
          OR (record.status <> 'PENDING' AND hold.remaining <> 0))`
  )
  for (const row of rows) {
    report.add({
      check: 'withdrawal_hold',
      subject: `withdrawal ${row.id}`,
      message:
        row.remaining === null
          ? `${row.status.toLowerCase()} withdrawal has no hold`
          : `${row.status.toLowerCase()} withdrawal still holds ${Money.fromDb(row.remaining)}`,
    })
  }
}

function describeAccount(row: AccountRow) {
  if (row.kind === 'WALLET') return `wallet ${row.id} (user ${row.user_id})`
  if (row.kind === 'ESCROW') return `escrow ${row.id} (bounty ${row.bounty_id})`
  return `${row.kind.toLowerCase()} ${row.id} (${row.code})`
}
