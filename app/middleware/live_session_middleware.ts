import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import ShieldHeadersMiddleware from '#middleware/shield_headers_middleware'
import TrackSessionMiddleware from '#middleware/track_session_middleware'

/**
 * Transmit's routes (/__transmit/) serve two kinds of client on the same
 * URLs, told apart by their credentials: a browser brings the session
 * cookie and gets the pages' session, shield (CSRF included) and session
 * tracking; a request with a Bearer token, or a stream opened with no
 * cookie at all, gets the API's treatment, shield's headers without a
 * session (a session row and CSRF secret per stream or subscription would
 * be written and never read).
 */
@inject()
export default class LiveSessionMiddleware {
  constructor(
    private session: SessionMiddleware<any>,
    private shield: ShieldMiddleware,
    private headers: ShieldHeadersMiddleware,
    private track: TrackSessionMiddleware
  ) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (!usesSession(ctx)) return this.headers.handle(ctx, next)
    return this.session.handle(ctx, () =>
      this.shield.handle(ctx, () => this.track.handle(ctx, next))
    )
  }
}

function usesSession(ctx: HttpContext) {
  if (ctx.request.header('authorization') !== undefined) return false
  return ctx.request.method() !== 'GET' || ctx.request.header('cookie') !== undefined
}
