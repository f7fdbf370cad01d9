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
    const api = ctx.request.url().startsWith('/api/')
    const write = !READS.has(ctx.request.method())
    if ((!api && !write) || env.get('MEMBER_LIMITS') === 'off') return next()
    const memberId = await this.#memberId(ctx, api)
    if (memberId === undefined) return next()

    if (api) await this.#spend('api', memberId, ctx)
    if (!write) return next()

    const kind = BUDGET_OF_ROUTE.get(ctx.route?.name ?? '') ?? 'writes'
    await this.#spend(kind, memberId, ctx)
    const response = await next()
    if (wasRefused(ctx)) await this.#giveBack(kind, memberId)
    return response
  }

  async #memberId(ctx: HttpContext, api: boolean) {
    const guard = ctx.auth.use(api ? 'api' : 'web')
    return (await guard.check()) ? guard.user!.id : undefined
  }

  /**
   * The place is taken before the write runs, so parallel requests cannot
   * all slip under the budget; a write refused by validation or a rule
   * changed nothing and gives its place back, so typos cost nothing.
   */
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

  #giveBack(name: MemberBudgetName, memberId: string) {
    const budget = MEMBER_BUDGETS[name]
    return limiter
      .use({ requests: budget.requests, duration: budget.every })
      .decrement(`member_${name}_${memberId}`)
  }
}

/**
 * The exception handler has answered by the time `next()` returns: an API
 * refusal is a 4xx, a page refusal goes back to its form with an error
 * (app/exceptions/form_refusal.ts).
 */
function wasRefused({ response, session }: HttpContext) {
  const status = response.getStatus()
  if (status >= 400 && status < 500) return true
  const flashed = session?.responseFlashMessages
  return Boolean(flashed && (flashed.has('error') || flashed.has('inputErrorsBag')))
}
