import string from '@adonisjs/core/helpers/string'
import { RememberMeToken } from '@adonisjs/auth/session'
import UserSession from '#models/user_session'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

type Marker = { id: string; at: number; rememberMeTokenId: number | null }

const MARKER_KEY = 'device_recorded'
const RECORD_EVERY_MS = 60_000

/**
 * Keeps the sessions page (A4) truthful: tags the signed-in member's session
 * row with their id, device, IP, last activity and the remember-me token of
 * this browser. A marker in the session limits the writes to one a minute,
 * plus one whenever the session id or remember-me token changes.
 */
export default class TrackSessionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await next()

    const guard = ctx.auth.use('web')
    if (!guard.user || guard.isLoggedOut || !ctx.session) return

    const rememberMeTokenId = this.#rememberMeTokenId(ctx, guard.rememberMeKeyName)
    const marker = ctx.session.get(MARKER_KEY) as Marker | undefined
    if (
      marker?.id === ctx.session.sessionId &&
      marker.rememberMeTokenId === rememberMeTokenId &&
      Date.now() - marker.at < RECORD_EVERY_MS
    ) {
      return
    }

    await UserSession.record({
      id: ctx.session.sessionId,
      userId: guard.user.id,
      ipAddress: ctx.request.ip(),
      userAgent: ctx.request.header('user-agent') ?? null,
      rememberMeTokenId,
      ttlSeconds: string.seconds.parse(ctx.session.config.age),
    })
    ctx.session.put(MARKER_KEY, {
      id: ctx.session.sessionId,
      at: Date.now(),
      rememberMeTokenId,
    } satisfies Marker)
  }

  #rememberMeTokenId(ctx: HttpContext, cookieName: string) {
    const decoded = RememberMeToken.decode(ctx.request.encryptedCookie(cookieName))
    const id = Number(decoded?.identifier)
    return Number.isInteger(id) && id > 0 ? id : null
  }
}
