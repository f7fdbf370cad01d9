import { errors as limiterErrors } from '@adonisjs/limiter'
import { DomainError } from '#exceptions/domain_error'
import type { HttpContext } from '@adonisjs/core/http'

const FORM_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE']
const SECRET_FIELDS = [
  '_csrf',
  '_method',
  'password',
  'password_confirmation',
  'currentPassword',
  'code',
]

/**
 * A page form refused by the domain (DomainError) or by a throttle goes back
 * to the form with the member's input, like a validation error: the message
 * sits under the field it names, or on top of the form (a throttle's says
 * which limit ran out, start/limiter.ts, and how long to wait). Secrets are
 * never flashed back. Returns false for anything else (GET pages, other errors).
 */
export function sendBackToForm(error: unknown, ctx: HttpContext) {
  if (!FORM_METHODS.includes(ctx.request.method()) || !('session' in ctx)) return false

  if (error instanceof DomainError) {
    flashBack(ctx, error.message, error.field)
    return true
  }
  if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
    const seconds = Math.max(1, error.response.availableIn)
    const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
    ctx.response.header('Retry-After', String(seconds))
    flashBack(ctx, `${error.message} Please wait ${wait} and try again.`)
    return true
  }
  return false
}

function flashBack(ctx: HttpContext, message: string, field?: string) {
  ctx.session.flashExcept(SECRET_FIELDS)
  if (field) ctx.session.flash('inputErrorsBag', { [field]: [message] })
  else ctx.session.flash('error', message)
  ctx.response.redirect().back()
}
