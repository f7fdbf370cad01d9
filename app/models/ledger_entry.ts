import { LedgerEntrySchema } from '#database/schema'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { DateTime } from 'luxon'
import LedgerAccount from '#models/ledger_account'
import LedgerHold from '#models/ledger_hold'
import LedgerPosting from '#models/ledger_posting'
import Transaction from '#models/transaction'
import User from '#models/user'

export type LedgerEntryKind = 'TRANSFER' | 'HOLD' | 'CAPTURE' | 'RELEASE'

export type LedgerFilters = {
  account?: string
  member?: string
  kind?: LedgerEntryKind
  from?: Date
  to?: Date
  before?: string
}

type EntryQuery = ModelQueryBuilderContract<typeof LedgerEntry>

/**
 * A balanced journal entry. Immutable: corrections are new entries.
 */
export default class LedgerEntry extends LedgerEntrySchema {
  @column()
  declare kind: LedgerEntryKind

  @hasMany(() => LedgerPosting, { foreignKey: 'entryId' })
  declare postings: HasMany<typeof LedgerPosting>

  /**
   * The latest entries with every posting and whose account it moved, for
   * the treasury's ledger explorer.
   */
  static latestWithPostings = scope((query: ModelQueryBuilderContract<typeof LedgerEntry>) => {
    query
      .orderBy('id', 'desc')
      .preload('postings', (postings) =>
        postings.orderBy('amount').preload('account', (account) => account.preload('user'))
      )
  })

  @belongsTo(() => LedgerHold, { foreignKey: 'holdId' })
  declare hold: BelongsTo<typeof LedgerHold>

  @hasMany(() => Transaction, { foreignKey: 'entryId' })
  declare transactions: HasMany<typeof Transaction>

  /**
   * The explorer's filters (I4). Every branch is an index range: an
   * account's entries through postings (account_id, entry_id), a date range
   * through entries (created_at), pages through the id (keyset, newest
   * first). `accountIds` null means any account; an empty list, none.
   */
  static filtered = scope<
    typeof LedgerEntry,
    (query: EntryQuery, filters: LedgerFilters, accountIds: string[] | null) => void
  >((query, filters, accountIds) => {
    if (accountIds) {
      query.whereIn(
        'ledger_entries.id',
        LedgerPosting.query().select('entry_id').whereIn('account_id', accountIds)
      )
    }
    if (filters.kind) query.where('ledger_entries.kind', filters.kind)
    if (filters.from) {
      query.where('ledger_entries.created_at', '>=', DateTime.fromJSDate(filters.from).toISO()!)
    }
    if (filters.to) {
      const end = DateTime.fromJSDate(filters.to, { zone: 'utc' }).startOf('day').plus({ days: 1 })
      query.where('ledger_entries.created_at', '<', end.toISO()!)
    }
    if (filters.before) query.where('ledger_entries.id', '<', filters.before)
  })

  /**
   * A page of the explorer: `limit` entries older than `filters.before`,
   * and the cursor of the next page (null on the last). Never counts the
   * table: the page knows only whether more follow.
   */
  static async explore(filters: LedgerFilters, limit: number) {
    const accountIds = await LedgerEntry.accountsNamed(filters)
    const rows = await LedgerEntry.query()
      .withScopes((scopes) => {
        scopes.filtered(filters, accountIds)
        scopes.latestWithPostings()
      })
      .limit(limit + 1)
    const entries = rows.slice(0, limit)
    return { entries, next: rows.length > limit ? entries[entries.length - 1].id : null }
  }

  /**
   * The accounts the `account` and `member` filters name (both must
   * match), or null when neither is set.
   */
  static async accountsNamed(filters: LedgerFilters): Promise<string[] | null> {
    if (!filters.account && !filters.member) return null
    const query = LedgerAccount.query().select('id')
    if (filters.account) {
      const account = filters.account
      if (/^\d+$/.test(account)) query.where('id', account)
      else query.where('code', account)
    }
    if (filters.member) {
      const member = filters.member
      query.where('kind', 'WALLET').whereIn(
        'user_id',
        User.query()
          .select('id')
          .withScopes((scopes) => scopes.named(member))
      )
    }
    const found = await query
    return found.map((account) => account.id)
  }

  /**
   * One entry with its postings and what caused it: the member-facing
   * history rows written with it (bounty, tip, deposit, withdrawal) and,
   * for hold movements, the hold's purpose.
   */
  static findWithCauseOrFail(id: string) {
    return LedgerEntry.query()
      .where('id', id)
      .preload('postings', (postings) =>
        postings.orderBy('amount').preload('account', (account) => account.preload('user'))
      )
      .preload('transactions', (rows) => rows.preload('user').orderBy('created_at'))
      .preload('hold')
      .firstOrFail()
  }
}
