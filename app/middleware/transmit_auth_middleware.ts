import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'

/**
 * Clients make their stream id with crypto.randomUUID(); anything far from
 * that is refused before any stream or subscription is looked up.
 */
const STREAM_ID = /^[A-Za-z0-9_-]{8,64}$/

/**
 * Who is on the other end of Transmit's routes (stream, subscribe,
 * unsubscribe), for channel authorisation (start/transmit.ts).
 *
 * A request with a Bearer header authenticates with the tokens guard only:
 * it never falls back to the session cookie, because config/shield.ts exempts
 * Bearer requests from CSRF and a cross-site page could otherwise ride the
 * cookie. Without one, the session guard applies (and CSRF with it), unless
 * the request has no session at all (a stream opened without cookies).
 */
export default class TransmitAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const uid = ctx.request.input('uid')
    if (typeof uid !== 'string' || !STREAM_ID.test(uid)) {
      return ctx.response.badRequest({ message: 'A stream id (uid) is required' })
    }

    if (ctx.request.header('authorization') !== undefined) {
      await ctx.auth.authenticateUsing(['api'])
    } else if (ctx.session) {
      await ctx.auth.checkUsing(['web'])
    }

    const user = ctx.auth.user
    if (user && (user.isDeleted || !user.isActive)) {
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Unauthorized access', {
        guardDriverName: ctx.auth.authenticatedViaGuard === 'api' ? 'access_tokens' : 'session',
      })
    }
    return next()
  }
}
