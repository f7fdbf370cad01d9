import { LedgerPostingSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import LedgerAccount from '#models/ledger_account'

/**
 * One side of an entry: a signed amount on one account. Immutable.
 */
export default class LedgerPosting extends LedgerPostingSchema {
  @belongsTo(() => LedgerAccount, { foreignKey: 'accountId' })
  declare account: BelongsTo<typeof LedgerAccount>
}
