import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import Money from '#ledger/money'

export type AccountKind = 'WALLET' | 'ESCROW' | 'HOLDING' | 'TREASURY' | 'SHOP'

/**
 * Names an account without knowing its id: a member's wallet, a bounty's
 * escrow, a system account by code, or an account already looked up by id.
 */
export type NamedAccountRef =
  | { kind: 'WALLET'; userId: string }
  | { kind: 'ESCROW'; bountyId: string }
  | { kind: 'HOLDING' | 'TREASURY' | 'SHOP'; code: string }

export type AccountRef = NamedAccountRef | { id: string }

export const accounts = {
  wallet: (userId: string): NamedAccountRef => ({ kind: 'WALLET', userId }),
  escrow: (bountyId: string): NamedAccountRef => ({ kind: 'ESCROW', bountyId }),
  /**
   * Money enters and leaves Corps through the treasury, the one account
   * allowed below zero: its balance is minus everything in circulation.
   */
  treasury: { kind: 'TREASURY', code: 'treasury' } as NamedAccountRef,
  shop: { kind: 'SHOP', code: 'shop' } as NamedAccountRef,
  pendingWithdrawals: { kind: 'HOLDING', code: 'pending_withdrawals' } as NamedAccountRef,
  byId: (id: string): AccountRef => ({ id }),
}

export type Account = {
  id: string
  kind: AccountKind
  code: string | null
  userId: string | null
  bountyId: string | null
  balance: Money
  held: Money
}

type AccountRow = {
  id: string
  kind: AccountKind
  code: string | null
  user_id: string | null
  bounty_id: string | null
  balance: string
  held: string
}

const COLUMNS = 'id, kind, code, user_id, bounty_id, balance, held'

export function refKey(ref: AccountRef): string {
  if ('id' in ref) return `id:${ref.id}`
  if (ref.kind === 'WALLET') return `wallet:${ref.userId}`
  if (ref.kind === 'ESCROW') return `escrow:${ref.bountyId}`
  return `code:${ref.code}`
}

export function keysOf(row: Pick<AccountRow, 'id' | 'kind' | 'code' | 'user_id' | 'bounty_id'>) {
  const keys = [`id:${row.id}`]
  if (row.kind === 'WALLET') keys.push(`wallet:${row.user_id}`)
  if (row.kind === 'ESCROW') keys.push(`escrow:${row.bounty_id}`)
  if (row.code) keys.push(`code:${row.code}`)
  return keys
}

function toAccount(row: AccountRow): Account {
  return {
    id: String(row.id),
    kind: row.kind,
    code: row.code,
    userId: row.user_id,
    bountyId: row.bounty_id,
    balance: Money.fromDb(row.balance),
    held: Money.fromDb(row.held),
  }
}

/**
 * The WHERE clause (over ledger_accounts) finding `refs`, with its bindings
 * and only the kinds of lookup present:
 * PostgreSQL plans one condition with every kind (`id = ANY('{}') OR …`)
 * as a scan of every wallet, which grows with the members, where each
 * present kind alone is one index probe (docs/performance.md).
 */
export function whereRefs(refs: AccountRef[]) {
  const ids: string[] = []
  const userIds: string[] = []
  const bountyIds: string[] = []
  const codes: string[] = []
  for (const ref of refs) {
    if ('id' in ref) ids.push(ref.id)
    else if (ref.kind === 'WALLET') userIds.push(ref.userId)
    else if (ref.kind === 'ESCROW') bountyIds.push(ref.bountyId)
    else codes.push(ref.code)
  }
  const lookups: [string, string[]][] = [
    ['id = ANY(?::bigint[])', ids],
    [`(kind = 'WALLET' AND user_id = ANY(?::uuid[]))`, userIds],
    [`(kind = 'ESCROW' AND bounty_id = ANY(?::uuid[]))`, bountyIds],
    ['(code IS NOT NULL AND code = ANY(?::text[]))', codes],
  ]
  const present = lookups.filter(([, values]) => values.length)
  return {
    where: present.map(([condition]) => condition).join(' OR ') || 'false',
    bindings: present.map(([, values]) => values),
  }
}

/**
 * The SQL expression naming `ref`'s account id for a money verb
 * (`ledger_transfer(…)`): the wallet, escrow or system account, opened on
 * first use by the database (migration 0210).
 */
export function accountSql(ref: AccountRef): { sql: string; bindings: unknown[] } {
  if ('id' in ref) return { sql: '?::bigint', bindings: [ref.id] }
  if (ref.kind === 'WALLET') return { sql: 'ledger_wallet(?::uuid)', bindings: [ref.userId] }
  if (ref.kind === 'ESCROW') return { sql: 'ledger_escrow(?::uuid)', bindings: [ref.bountyId] }
  return { sql: 'ledger_system(?::ledger_account_kind, ?)', bindings: [ref.kind, ref.code] }
}

/**
 * Idempotent: returns the account, creating it the first time. (Read in a
 * second statement: a statement does not see what a function it calls wrote.)
 */
export async function openAccount(
  client: QueryClientContract,
  ref: NamedAccountRef
): Promise<Account> {
  const opened = accountSql(ref)
  const { rows } = await client.rawQuery<{ rows: { id: string }[] }>(
    `SELECT ${opened.sql} AS id`,
    opened.bindings as RawQueryBindings
  )
  return (await readAccount(client, { id: String(rows[0].id) }))!
}

/**
 * Reads balances without locking (for pages and the API); an account that
 * was never opened holds nothing.
 */
export async function readAccount(
  client: QueryClientContract,
  ref: AccountRef
): Promise<Account | null> {
  const lookup = whereRefs([ref])
  const { rows } = await client.rawQuery<{ rows: AccountRow[] }>(
    `SELECT ${COLUMNS} FROM ledger_accounts WHERE ${lookup.where}`,
    lookup.bindings
  )
  return rows[0] ? toAccount(rows[0]) : null
}
