import { BaseTransformer } from '@adonisjs/core/transformers'
import type Money from '#ledger/money'

/**
 * `balance` is what the member can spend; `held` is set aside (pending
 * withdrawals, escrow) and not spendable, but not gone yet.
 */
export default class WalletBalanceTransformer extends BaseTransformer<{
  balance: Money
  held: Money
}> {
  toObject() {
    return { balance: this.resource.balance.toString(), held: this.resource.held.toString() }
  }
}
