import { healthChecks } from '#start/health'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Health endpoints answer before routing: they must not depend on the session
 * store, body parser or auth, which all need the database they report on.
 *   GET /health       readiness: 200 when the app and its database are up, 503 otherwise
 *   GET /health/live  liveness: 200 while the process serves requests
 */
export default class HealthCheckMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const path = ctx.request.url()
    if (ctx.request.method() !== 'GET' || (path !== '/health' && path !== '/health/live')) {
      return next()
    }
    if (path === '/health/live') {
      return ctx.response.json({ status: 'ok' })
    }
    const report = await healthChecks().run()
    ctx.response.status(report.isHealthy ? 200 : 503).json({
      status: report.isHealthy ? 'ok' : 'unavailable',
      checks: report.checks.map(({ name, status, message }) => ({ name, status, message })),
    })
  }
}
