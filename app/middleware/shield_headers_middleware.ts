import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ShieldConfig } from '@adonisjs/shield/types'
import { frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'

/**
 * Shield's guards for requests that have no session (the JSON API, token
 * and cookieless live-update calls): HSTS, nosniff and frame denial, from
 * config/shield.ts. CSRF needs a session and CSP guards pages: both belong
 * to the web stack's full shield.
 */
export default class ShieldHeadersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    for (const guard of guards()) await guard(ctx)
    return next()
  }
}

/**
 * Built once: the middleware is instantiated for every request.
 */
let built: ((ctx: HttpContext) => unknown)[] | undefined

function guards() {
  if (built) return built
  const config = app.config.get<ShieldConfig>('shield')
  built = [
    frameGuardFactory(config.xFrame ?? {}),
    hstsFactory(config.hsts ?? {}),
    noSniffFactory(config.contentTypeSniffing ?? {}),
  ]
  return built
}
