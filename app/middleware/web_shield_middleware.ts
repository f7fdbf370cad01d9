import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ShieldConfig } from '@adonisjs/shield/types'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'
import { isSessionless } from '#middleware/web_session_middleware'

/**
 * Pages get every shield guard. /api/v1 has no session and no CSRF (Bearer
 * tokens only), so it gets the guards that make sense for JSON: HSTS,
 * nosniff and frame denial, without the CSRF secret and XSRF cookie. So do
 * sessionless live-update requests (see isSessionless).
 */
@inject()
export default class WebShieldMiddleware {
  #apiGuards = (() => {
    const config = app.config.get<ShieldConfig>('shield')
    return [
      frameGuardFactory(config.xFrame ?? {}),
      hstsFactory(config.hsts ?? {}),
      noSniffFactory(config.contentTypeSniffing ?? {}),
    ]
  })()

  constructor(private shield: ShieldMiddleware) {}

  async handle(ctx: HttpContext, next: NextFn) {
    if (!isSessionless(ctx)) return this.shield.handle(ctx, next)
    for (const guard of this.#apiGuards) await guard(ctx)
    return next()
  }
}
