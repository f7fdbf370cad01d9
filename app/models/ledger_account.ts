import { LedgerAccountSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { AccountKind } from '#ledger/accounts'
import Money from '#ledger/money'
import User from '#models/user'

export type LedgerTotals = {
  balancesByKind: Record<AccountKind, Money>
  heldInWallets: Money
}

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

  /**
   * What each kind of account holds, from the cached balances the ledger's
   * triggers keep (one pass over the accounts, never over the postings);
   * `ledger:verify` proves they match the postings.
   */
  static async totals(): Promise<LedgerTotals> {
    const rows: { kind: AccountKind; balance: string; held: string }[] = await LedgerAccount.query()
      .groupBy('kind')
      .select('kind')
      .sum('balance as balance')
      .sum('held as held')
      .pojo()
    const balancesByKind: Record<AccountKind, Money> = {
      WALLET: Money.ZERO,
      ESCROW: Money.ZERO,
      HOLDING: Money.ZERO,
      TREASURY: Money.ZERO,
      SHOP: Money.ZERO,
    }
    let heldInWallets = Money.ZERO
    for (const row of rows) {
      balancesByKind[row.kind] = Money.fromDb(row.balance)
      if (row.kind === 'WALLET') heldInWallets = Money.fromDb(row.held)
    }
    return { balancesByKind, heldInWallets }
  }
}
