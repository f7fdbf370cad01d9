import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Who started the impersonation this session is in (I2): set when a Leader
 * starts acting as a member, removed when they stop.
 */
export const IMPERSONATOR_KEY = 'impersonator'
export type Impersonator = { id: string; username: string }

/**
 * Pages that move money, by route name. While a Leader acts as a member
 * they see what the member sees but never spend, earn or withdraw for them.
 * A new money page joins this list; tests/functional/admin/impersonation
 * .spec.ts walks it.
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
])

/**
 * In the web stack: tells the pages whether an impersonation is on (the
 * banner in the layout) and refuses the money pages while it is, with the
 * 403 page rather than a flash, so the form cannot look as if it half-worked.
 */
export default class ImpersonationMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const impersonator = ctx.session.get(IMPERSONATOR_KEY) as Impersonator | undefined
    ctx.view.share({ impersonator: impersonator ?? null })
    if (impersonator && MONEY_ROUTES.has(ctx.route?.name ?? '')) {
      const message = 'Money cannot move while you act as another member. Stop first.'
      return ctx.response
        .status(403)
        .send(await ctx.view.render('pages/errors/forbidden', { message }))
    }
    return next()
  }
}
