import { LedgerEntrySchema } from '#database/schema'
import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import LedgerPosting from '#models/ledger_posting'

export type LedgerEntryKind = 'TRANSFER' | 'HOLD' | 'CAPTURE' | 'RELEASE'

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
}
