import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Pages that anyone may see but that show more to a signed-in member.
 * Checked through the authenticator (not the guard alone) so `auth.user` is
 * set for templates and Bouncer. A deactivated account browses as a visitor.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if ((await ctx.auth.check()) && !ctx.auth.user!.isActive) await ctx.auth.use('web').logout()
    return next()
  }
}
