import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'
import { DomainError } from '#exceptions/domain_error'

/**
 * /api/v1 authenticates with Bearer tokens only: a session cookie never
 * authenticates an API call.
 *
 * Routes that need a scope list it (`middleware.apiAuth({ abilities:
 * ['wallet'] })`); login and register tokens carry every ability (`*`),
 * personal API tokens only the ones their owner granted (A9).
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { abilities?: string[] } = {}) {
    await ctx.auth.authenticateUsing(['api'])
    const user = ctx.auth.use('api').getUserOrFail()

    if (user.isDeleted) {
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Unauthorized access', {
        guardDriverName: 'access_tokens',
      })
    }
    if (!user.isActive) {
      throw new DomainError('ACCOUNT_INACTIVE', 'This account has been deactivated')
    }

    const missing = (options.abilities ?? []).filter(
      (ability) => !user.currentAccessToken.allows(ability)
    )
    if (missing.length) {
      throw new DomainError('FORBIDDEN', `This token lacks the ${missing.join(', ')} ability`)
    }

    return next()
  }
}
