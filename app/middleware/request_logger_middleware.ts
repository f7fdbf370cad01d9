import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * One structured line per request. ctx.logger already carries the request id,
 * which the API also returns as meta.requestId and X-Request-Id.
 */
export default class RequestLoggerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const started = process.hrtime.bigint()
    ctx.response.header('X-Request-Id', ctx.request.id() ?? '')
    try {
      await next()
    } finally {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      ctx.logger.info(
        {
          method: ctx.request.method(),
          url: ctx.request.url(),
          status: ctx.response.getStatus(),
          durationMs: Math.round(durationMs * 10) / 10,
          userId: ctx.auth?.user?.id,
        },
        'request completed'
      )
    }
  }
}
