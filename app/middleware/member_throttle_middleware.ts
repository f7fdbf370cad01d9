import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import { MEMBER_BUDGETS, type MemberBudgetName } from '#start/limiter'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const BUDGET_OF_ROUTE = new Map<string, MemberBudgetName>(
  Object.entries(MEMBER_BUDGETS).flatMap(([name, budget]) =>
    ('routes' in budget ? budget.routes : []).map((route): [string, MemberBudgetName] => [
      route,
      name as MemberBudgetName,
    ])
  )
)

/**
 * Per-member budgets (start/limiter.ts), counted in the shared limiter store
 * under the member's id: a page form and an API call spend the same budget,
 * from any address, token or process. Pages use it after `auth`; the API
 * group uses it before the route's `apiAuth`, so it checks the Bearer token
 * itself (the guard keeps the result for `apiAuth`). Requests without a
 * member are left to the per-address throttles.
 */
export default class MemberThrottleMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (env.get('MEMBER_LIMITS') === 'off') return next()
    const memberId = await this.#memberId(ctx)
    if (memberId === undefined) return next()

    const api = ctx.request.url().startsWith('/api/')
    if (api) await this.#spend('api', memberId, ctx)
    if (!READS.has(ctx.request.method())) {
      await this.#spend(BUDGET_OF_ROUTE.get(ctx.route?.name ?? '') ?? 'writes', memberId, ctx)
    }
    return next()
  }

  async #memberId(ctx: HttpContext) {
    const guard = ctx.auth.use(ctx.request.url().startsWith('/api/') ? 'api' : 'web')
    return (await guard.check()) ? guard.user!.id : undefined
  }

  #spend(name: MemberBudgetName, memberId: string, ctx: HttpContext) {
    const budget = MEMBER_BUDGETS[name]
    return limiter
      .allowRequests(budget.requests)
      .every(budget.every)
      .usingKey(memberId)
      .limitExceeded((error) =>
        error.setMessage(`You can make at most ${budget.requests} ${budget.what} ${budget.per}.`)
      )
      .throttle(`member_${name}`, ctx)
  }
}
