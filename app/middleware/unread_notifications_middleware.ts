import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import Notification from '#models/notification'

/**
 * Shares `unreadNotifications` with every page, for the bell in the header
 * (live.js keeps it current afterwards). Like `walletBalance`, it is a lazy
 * promise: counted only when a page that shows the bell renders, after the
 * route's auth middleware knows the member. Pages render it with
 * `await unreadNotifications`.
 */
export default class UnreadNotificationsMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if ('view' in ctx) {
      let count: Promise<number> | undefined
      const read = () => {
        const user = ctx.auth.user
        count ??= user ? Notification.unreadCountOf(user.id) : Promise.resolve(0)
        return count
      }
      ctx.view.share({
        unreadNotifications: {
          then: (resolve: (value: number) => unknown, reject: (error: unknown) => unknown) =>
            read().then(resolve, reject),
        },
      })
    }
    return next()
  }
}
