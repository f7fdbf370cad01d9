import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import Ledger, { accounts } from '#ledger/ledger'
import type Money from '#ledger/money'

/**
 * Shares `walletBalance` with every page, for the balance in the header.
 * It is a lazy promise: the wallet is read only when a page that shows it
 * renders (after the route's auth middleware knows the member), never for
 * redirects, JSON or visitors. Pages render it with `await walletBalance`.
 */
export default class WalletBalanceMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if ('view' in ctx) {
      let balance: Promise<Money | null> | undefined
      const read = () => {
        const user = ctx.auth.user
        balance ??= user
          ? Ledger.balances(accounts.wallet(user.id)).then(({ balance: available }) => available)
          : Promise.resolve(null)
        return balance
      }
      ctx.view.share({
        walletBalance: {
          then: (resolve: (value: Money | null) => unknown, reject: (error: unknown) => unknown) =>
            read().then(resolve, reject),
        },
      })
    }
    return next()
  }
}
