import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'
import { isApiRequest } from '#middleware/web_session_middleware'

const NUL = '\u0000'

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a
 * value holding one would fail deep inside a write with a database error
 * (a 500, possibly after other rows of a workflow were written). Every
 * request is checked here once, before any controller or validator sees
 * it: a form field or JSON member with one is refused like any invalid
 * field (a form error, or the API's 422 naming the field), and so is an
 * API query parameter; a page's query string with one is a 400. A route
 * parameter with one names nothing: 404.
 */
export default class RefuseNulCharactersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (pathToNul(ctx.params, '') !== null) {
      throw new Exception('Not found', { status: 404, code: 'E_ROUTE_NOT_FOUND' })
    }
    const inBody = pathToNul(ctx.request.body(), '')
    const inQuery = inBody === null ? pathToNul(ctx.request.qs(), '') : null
    if (inBody === null && inQuery === null) return next()

    if (inBody === null && !isApiRequest(ctx)) {
      throw new Exception('The address contains a NUL character (U+0000)', {
        status: 400,
        code: 'E_BAD_REQUEST',
      })
    }
    throw new vineErrors.E_VALIDATION_ERROR([
      {
        field: (inBody ?? inQuery) || 'body',
        message: 'Remove the NUL character (U+0000): it cannot be stored',
        rule: 'noNulCharacter',
      },
    ])
  }
}

/**
 * The dotted path (`items.0.name`, as VineJS names fields) of the first
 * string holding a NUL in `value`, keys included; null when there is none.
 */
function pathToNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null
  if (!value || typeof value !== 'object') return null
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key
    if (key.includes(NUL)) return itemPath
    const found = pathToNul(item, itemPath)
    if (found !== null) return found
  }
  return null
}
