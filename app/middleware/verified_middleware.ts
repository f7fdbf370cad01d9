import { DomainError } from '#exceptions/domain_error'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Member actions (post, claim, move money) need a verified email (A2).
 * Unverified members may still browse. Use after `auth` or `apiAuth`.
 * Pages go back with a message; the API answers EMAIL_NOT_VERIFIED (403).
 */
export default class VerifiedMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.user
    if (!user || user.isVerified) return next()

    const message =
      'Confirm your email address first: check your inbox for the link, or send a new one.'
    if (ctx.request.url().startsWith('/api/') || !ctx.session) {
      throw new DomainError('EMAIL_NOT_VERIFIED', message)
    }
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}
