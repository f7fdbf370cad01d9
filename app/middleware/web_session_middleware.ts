import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'

/**
 * Sessions are for pages. The JSON API authenticates with Bearer tokens only,
 * so /api/v1 requests neither read nor write a session: no session row per
 * API call, no cookie in API responses.
 */
export const isApiRequest = (ctx: HttpContext) => ctx.request.url().startsWith('/api/v1/')

/**
 * Live-update requests (Transmit, /__transmit/) are the same when they carry
 * a Bearer token (the cookie is never used then) or open a stream with no
 * cookie at all: a session row and CSRF secret per stream or subscription
 * would be written and never read.
 */
export const isSessionless = (ctx: HttpContext) =>
  isApiRequest(ctx) ||
  (ctx.request.url().startsWith('/__transmit/') &&
    (ctx.request.header('authorization') !== undefined ||
      (ctx.request.method() === 'GET' && ctx.request.header('cookie') === undefined)))

@inject()
export default class WebSessionMiddleware {
  constructor(private session: SessionMiddleware<any>) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (isSessionless(ctx)) return next()
    return this.session.handle(ctx, next)
  }
}
