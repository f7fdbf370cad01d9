import { LedgerAccountSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { AccountKind } from '#ledger/accounts'
import User from '#models/user'

/**
 * Read side of a ledger account. Balances only ever change through
 * app/ledger (the database refuses any other update of them).
 */
export default class LedgerAccount extends LedgerAccountSchema {
  @column()
  declare kind: AccountKind

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  get label() {
    if (this.kind === 'WALLET') return this.user ? `@${this.user.username}` : 'Wallet'
    if (this.kind === 'ESCROW') return 'Bounty escrow'
    if (this.kind === 'HOLDING') return 'Pending withdrawals'
    return this.kind === 'TREASURY' ? 'Treasury' : 'Shop'
  }
}
