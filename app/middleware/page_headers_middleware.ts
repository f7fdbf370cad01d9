import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { pagePolicies } from '#config/shield'

/**
 * Headers every page gets that shield has no guard for (`pagePolicies`).
 */
export default class PageHeadersMiddleware {
  handle({ response }: HttpContext, next: NextFn) {
    for (const [name, value] of Object.entries(pagePolicies)) response.header(name, value)
    return next()
  }
}
