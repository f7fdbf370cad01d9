import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ShieldConfig } from '@adonisjs/shield/types'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'
import { isSessionless } from '#middleware/web_session_middleware'
import { pagePolicies } from '#config/shield'

/**
 * Built once per process, not per request: the container builds a new
 * ShieldMiddleware on every resolve (the shield provider binds it, not as a
 * singleton), parsing the CSP directives again each time, ~2 % of an API
 * call's CPU. Both hold only configuration; what a request needs lives on
 * its context.
 */
let pageShield: Promise<ShieldMiddleware> | undefined
let apiGuards: ReturnType<typeof frameGuardFactory>[] | undefined

/**
 * Pages get every shield guard, and the policies of `pagePolicies`. /api/v1 has no session and no CSRF (Bearer
 * tokens only), so it gets the guards that make sense for JSON: HSTS,
 * nosniff and frame denial, without the CSRF secret and XSRF cookie. So do
 * sessionless live-update requests (see isSessionless).
 */
export default class WebShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!isSessionless(ctx)) {
      for (const [name, value] of Object.entries(pagePolicies)) ctx.response.header(name, value)
      pageShield ??= app.container.make(ShieldMiddleware)
      const shield = await pageShield
      return shield.handle(ctx, next)
    }
    apiGuards ??= apiGuardsFrom(app.config.get<ShieldConfig>('shield'))
    for (const guard of apiGuards) await guard(ctx)
    return next()
  }
}

function apiGuardsFrom(config: ShieldConfig) {
  return [
    frameGuardFactory(config.xFrame ?? {}),
    hstsFactory(config.hsts ?? {}),
    noSniffFactory(config.contentTypeSniffing ?? {}),
  ]
}
