import { errors as vineErrors } from '@vinejs/vine'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { DomainError } from '#exceptions/domain_error'
import type { ErrorDetail } from '#transformers/envelope'

/**
 * Maps anything thrown while serving /api/ to the public error of the API
 * contract. Only what is listed here reaches a client: an unknown error is an
 * INTERNAL_ERROR with a fixed message, so no stack, SQL or path ever leaks.
 */
export type ApiError = {
  status: number
  code: string
  message: string
  details?: ErrorDetail[]
  headers?: Record<string, string | number>
}

const GENERIC: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request could not be understood' },
  401: { code: 'UNAUTHENTICATED', message: 'Authentication is required' },
  403: { code: 'FORBIDDEN', message: 'You are not allowed to do this' },
  404: { code: 'NOT_FOUND', message: 'Not found' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'This method is not allowed here' },
  409: { code: 'CONFLICT', message: 'The request conflicts with the current state' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This content type is not supported' },
  422: { code: 'VALIDATION_FAILED', message: 'The given data is invalid' },
  429: { code: 'RATE_LIMITED', message: 'Too many requests, try again later' },
  500: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' },
}

/**
 * PostgreSQL refusals caused by a value the client sent (a malformed uuid or
 * number that slipped past validation): the client's fault, not ours.
 */
const CLIENT_SQL_STATES = new Set(['22P02', '22003', '22001', '22007', '22008'])

export function toApiError(error: unknown): ApiError {
  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    return {
      ...GENERIC[422],
      status: 422,
      details: (error.messages as ErrorDetail[]).map(({ field, message, rule }) => ({
        field,
        message,
        rule,
      })),
    }
  }

  if (error instanceof DomainError) {
    const retryAfter = error.meta?.retryAfterSeconds
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      details: error.field
        ? [{ field: error.field, message: error.message, rule: error.code }]
        : [],
      headers: typeof retryAfter === 'number' ? { 'Retry-After': Math.ceil(retryAfter) } : {},
    }
  }

  if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
    return {
      ...GENERIC[429],
      status: 429,
      message: `${error.message} Try again in ${Math.max(1, error.response.availableIn)} seconds.`,
      headers: error.getDefaultHeaders(),
    }
  }

  const { status, code, message } = describe(error)

  if (code === 'E_INVALID_CREDENTIALS') {
    return { status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' }
  }
  if (code === 'E_AUTHORIZATION_FAILURE') {
    // Bouncer keeps the policy's status (404 hides what exists) and message on
    // the AuthorizationResponse; the exception's own fields always say
    // 403 "Access denied".
    const { response } = error as { response?: { status?: number; message?: string } }
    const denial = response?.status ?? status
    const denied =
      denial === 404 ? GENERIC[404] : { code: 'FORBIDDEN', message: response?.message || message }
    return { status: denial === 404 ? 404 : 403, ...denied }
  }
  if (code && CLIENT_SQL_STATES.has(code)) {
    return { ...GENERIC[400], status: 400, message: 'The request contains an invalid value' }
  }
  if (isMalformedBody(error, status, message)) {
    return { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON' }
  }
  if (status >= 400 && status < 500) {
    return fromClientStatus(status, code, message)
  }
  return { ...GENERIC[500], status: 500 }
}

function describe(error: unknown) {
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown
    code?: unknown
    message?: unknown
  }
  return {
    status: typeof candidate.status === 'number' ? candidate.status : 500,
    code: typeof candidate.code === 'string' ? candidate.code : undefined,
    message: typeof candidate.message === 'string' ? candidate.message : '',
  }
}

/**
 * The body parser throws a SyntaxError (status 400) for broken JSON and a 422
 * for JSON that is not an object or an array.
 */
function isMalformedBody(error: unknown, status: number, message: string) {
  return (
    (error instanceof SyntaxError && status === 400) ||
    (status === 422 && message.startsWith('Invalid JSON'))
  )
}

/**
 * Framework errors (E_ codes) get the generic wording of their status; codes
 * the application defines itself (UPPER_CASE) are public by design.
 */
function fromClientStatus(status: number, code: string | undefined, message: string): ApiError {
  if (code && /^[A-Z][A-Z0-9_]*$/.test(code) && !code.startsWith('E_')) {
    return { status, code, message }
  }
  const generic = GENERIC[status] ?? GENERIC[400]
  return { status, ...generic }
}
