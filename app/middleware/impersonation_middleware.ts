import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Who started the impersonation this session is in (I2): set when a Leader
 * starts acting as a member, removed when they stop.
 */
export const IMPERSONATOR_KEY = 'impersonator'
export type Impersonator = { id: string; username: string }

/**
 * Pages a Leader acting as a member may not use, by route name: those that
 * move money (they see what the member sees but never spend, earn or
 * withdraw for them) and those that change how the member signs in. A new
 * such page joins this list; tests/functional/admin/impersonation.spec.ts
 * walks it.
 */
export const MONEY_ROUTES = new Set([
  'bounties.store',
  'bounties.update',
  'bounties.destroy',
  'bounty_publications.store',
  'bounty_approvals.store',
  'bounty_cancellations.store',
  'wallet_withdrawals.store',
  'tips.store',
  'admin.deposits.store',
  'admin.withdrawal_approvals.store',
  'admin.withdrawal_rejections.store',
  'admin.order_status_changes.store',
  'teams.destroy',
])

export const ACCOUNT_ROUTES = new Set([
  'email.update',
  'password.update',
  'two_factor.store',
  'two_factor.update',
  'two_factor.destroy',
  'recovery_codes.store',
  'api_tokens.store',
  'account_deletion.store',
])

/**
 * In the web stack: tells the pages whether an impersonation is on (the
 * banner in the layout) and refuses the money and sign-in pages while it
 * is, with the 403 page rather than a flash, so a form cannot look as if it
 * half-worked.
 */
export default class ImpersonationMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const impersonator = ctx.session.get(IMPERSONATOR_KEY) as Impersonator | undefined
    ctx.view.share({ impersonator: impersonator ?? null })
    const refusal = impersonator ? refusalOf(ctx.route?.name) : null
    if (refusal) {
      return ctx.response
        .status(403)
        .send(await ctx.view.render('pages/errors/forbidden', { message: refusal }))
    }
    await next()

    // Signing out (or being signed out) ends the impersonation with the session.
    const guard = ctx.auth.use('web')
    if (impersonator && (guard.isLoggedOut || guard.user?.id === impersonator.id)) {
      ctx.session.forget(IMPERSONATOR_KEY)
    }
  }
}

function refusalOf(route: string | undefined) {
  if (MONEY_ROUTES.has(route ?? '')) {
    return 'Money cannot move while you act as another member. Stop first.'
  }
  if (ACCOUNT_ROUTES.has(route ?? '')) {
    return 'How a member signs in cannot change while you act as them. Stop first.'
  }
  return null
}
