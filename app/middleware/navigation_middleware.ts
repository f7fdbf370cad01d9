import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import Ledger, { accounts } from '#ledger/ledger'
import Notification from '#models/notification'

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
 * Page helpers, in the web stack only: Bouncer's view helpers (`@can`) and
 * what the header shows a member: `walletBalance`
 * (the balance) and `unreadNotifications` (the bell; live.js keeps it
 * current afterwards). Both are lazy: read only when a page that shows
 * them renders, after the route's auth middleware knows the member, never
 * for redirects or visitors. Pages render them with `await walletBalance`.
 */
export default class NavigationMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    ctx.view.share(ctx.bouncer.edgeHelpers)
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
