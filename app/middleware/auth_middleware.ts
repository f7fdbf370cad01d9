import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { INACTIVE_ACCOUNT_MESSAGE } from '#actions/auth/authenticate_user'

/**
 * Pages that need a signed-in member; others are sent to the login page and
 * come back to where they were going afterwards. A member deactivated while
 * signed in is signed out on their next request.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    if ((await guard.check()) && !guard.user!.isActive) {
      await guard.logout()
      ctx.session.flash('error', INACTIVE_ACCOUNT_MESSAGE)
      return ctx.response.redirect(this.redirectTo)
    }
    if (!guard.isAuthenticated && ctx.request.method() === 'GET') {
      ctx.session.setIntendedUrl(ctx.request.url(true))
    }
    if (!guard.isAuthenticated && ctx.session.flashMessages.has('error')) {
      // A message left for this browser (its member was deactivated) is what
      // the login page shows, not the generic refusal.
      ctx.session.reflash()
      return ctx.response.redirect(this.redirectTo)
    }
    await ctx.auth.authenticateUsing(['web'], { loginRoute: this.redirectTo })
    return next()
  }
}
