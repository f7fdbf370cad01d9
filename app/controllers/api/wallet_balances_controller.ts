import type { HttpContext } from '@adonisjs/core/http'
import Ledger, { accounts } from '#ledger/ledger'
import { serialize } from '#transformers/envelope'
import WalletBalanceTransformer from '#transformers/wallet_balance_transformer'

/**
 * The caller's own wallet: what they can spend and what is held.
 */
export default class WalletBalancesController {
  async show({ auth }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const balances = await Ledger.balances(accounts.wallet(user.id))
    return serialize(WalletBalanceTransformer.transform(balances))
  }
}
