import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { toApiError } from '#exceptions/api_error'
import { sendBackToForm } from '#exceptions/form_refusal'
import { errorEnvelope } from '#transformers/envelope'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { undecodableBody } from '#exceptions/malformed_request'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected renderStatusPages = app.inProduction || app.inTest

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (error, { view }) => view.render('pages/errors/forbidden', { error }),
    '404': (error, { view }) => view.render('pages/errors/not_found', { error }),
    '500..599': (error, { view }) => view.render('pages/errors/server_error', { error }),
  }

  async handle(thrown: unknown, ctx: HttpContext) {
    const error = undecodableBody(thrown, ctx) ?? thrown
    if (ctx.request.url().startsWith('/api/')) return this.renderApiError(error, ctx)
    if (sendBackToForm(error, ctx)) return
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE && ctx.request.method() === 'GET') {
      return this.renderRefusedPage(error, ctx)
    }
    return super.handle(error, ctx)
  }

  /**
   * Bouncer answers a refused GET with plain text; pages get the styled 403
   * (or 404, when a policy hides that the record exists).
   */
  protected async renderRefusedPage(
    error: InstanceType<typeof bouncerErrors.E_AUTHORIZATION_FAILURE>,
    ctx: HttpContext
  ) {
    const status = error.response.status ?? error.status
    const page = status === 404 ? 'pages/errors/not_found' : 'pages/errors/forbidden'
    const message = error.response.message || error.message
    ctx.response.status(status).send(await ctx.view.render(page, { error, message }))
  }

  /**
   * Everything under /api/ answers with the JSON error envelope, whatever the
   * Accept header says and whoever threw (framework, guard or domain).
   */
  protected renderApiError(error: unknown, ctx: HttpContext) {
    const apiError = toApiError(error)
    for (const [name, value] of Object.entries(apiError.headers ?? {})) {
      ctx.response.header(name, value)
    }
    ctx.response.status(apiError.status).json(errorEnvelope(apiError, ctx.request.id()))
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(undecodableBody(error, ctx) ?? error, ctx)
  }
}
