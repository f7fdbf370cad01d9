import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Pages that need a signed-in member; others are sent to the login page and
 * come back to where they were going afterwards.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(ctx: HttpContext, next: NextFn) {
    if (!(await ctx.auth.use('web').check())) {
      if (ctx.request.method() === 'GET') ctx.session.put('intended', ctx.request.url(true))
    }
    await ctx.auth.authenticateUsing(['web'], { loginRoute: this.redirectTo })
    return next()
  }
}
