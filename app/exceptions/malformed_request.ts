import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { errorEnvelope } from '#transformers/envelope'

/**
 * Requests broken before any of our code can read them are the client's
 * fault, yet the framework lets two of them through as a 500 or as plain
 * text: these turn them into ordinary refusals.
 */

/**
 * zlib (gzip, deflate) and Brotli report a body that does not decode with a
 * numeric `errno` and a `Z_…` or `ERR__ERROR_…` code; the body parser passes
 * that error on untouched, so without this it is a 500.
 */
function isDecompressionError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false
  const { errno, code } = error as { errno?: unknown; code?: unknown }
  return typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR__ERROR_)/.test(code)
}

/**
 * The refusal for a body its Content-Encoding does not describe, or null
 * when `error` is something else. An unknown encoding is refused by the
 * body parser itself (415).
 */
export function undecodableBody(error: unknown, ctx: HttpContext) {
  const encoding = ctx.request.header('content-encoding')
  if (!encoding || encoding === 'identity' || !isDecompressionError(error)) return null
  return new Exception(`The request body is not valid ${encoding} (its Content-Encoding)`, {
    status: 400,
    code: 'BAD_REQUEST',
  })
}

/**
 * The framework cannot decode a path with a malformed `%` escape
 * (`/api/v1/bounties/%zz`) and answers before any middleware or the
 * exception handler runs. Such a path names no resource: the API answers
 * its 404 envelope (with the request id header every API answer has),
 * pages the framework's plain 400.
 */
export function onBadUrl(request: IncomingMessage, response: ServerResponse) {
  if (!request.url?.startsWith('/api/')) {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('Bad Request: the address has a malformed % escape')
    return
  }
  const requestId = randomUUID()
  response.writeHead(404, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Request-Id': requestId,
  })
  response.end(
    JSON.stringify(errorEnvelope({ code: 'NOT_FOUND', message: 'Not found' }, requestId))
  )
}
