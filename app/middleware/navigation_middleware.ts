import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import Ledger, { accounts } from '#ledger/ledger'
import Notification from '#models/notification'
import { isApiRequest } from '#middleware/web_session_middleware'

/**
 * A value read the first time a template awaits it, and only then.
 */
function lazily<T>(load: () => T | Promise<T>): PromiseLike<T> {
  let value: Promise<T> | undefined
  return {
    then: (resolve, reject) => (value ??= Promise.resolve().then(load)).then(resolve, reject),
  }
}

/**
 * Shares what the header shows a member with every page: `walletBalance`
 * (the balance) and `unreadNotifications` (the bell; live.js keeps it
 * current afterwards). Both are lazy: read only when a page that shows
 * them renders, after the route's auth middleware knows the member, never
 * for redirects or visitors. Pages render them with `await walletBalance`.
 *
 * API calls render no pages: they skip this, and with it the template
 * renderer that `ctx.view` would create for them.
 */
export default class NavigationMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if (isApiRequest(ctx)) return next()
    ctx.view.share({
      walletBalance: lazily(() => {
        const user = ctx.auth.user
        if (!user) return null
        return Ledger.balances(accounts.wallet(user.id)).then(({ balance }) => balance)
      }),
      unreadNotifications: lazily(() => {
        const user = ctx.auth.user
        return user ? Notification.unreadCountOf(user.id) : 0
      }),
    })
    return next()
  }
}
