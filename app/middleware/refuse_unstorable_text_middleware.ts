import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'

/**
 * Why PostgreSQL could not store `text` (in text or jsonb), or null: the
 * NUL character, or a lone UTF-16 surrogate (JSON allows `"\ud800"`, which
 * is no character at all).
 */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'Remove the NUL character (U+0000): it cannot be stored'
  if (!text.isWellFormed()) return 'Remove the invalid character (a lone UTF-16 surrogate)'
  return null
}

type Found = { path: string; problem: string }

/**
 * Text PostgreSQL cannot store would fail deep inside a write with a
 * database error (a 500 for pages, a bare 400 for the API, possibly after
 * other rows of a workflow were written). Every request is checked here
 * once, before any controller or validator sees it: a form field or JSON
 * member with such text is refused like any invalid field (a form error,
 * or the API's 422 naming the field), and so is a query parameter where
 * the query is input (`queryIsInput`: the API, whose parameters are
 * documented fields); a page's query string with it is a 400. A route
 * parameter with it names nothing: 404.
 */
export default class RefuseUnstorableTextMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { queryIsInput?: boolean } = {}) {
    if (find(ctx.params, '')) {
      throw new Exception('Not found', { status: 404, code: 'E_ROUTE_NOT_FOUND' })
    }
    const inBody = find(ctx.request.body(), '')
    const found = inBody ?? find(ctx.request.qs(), '')
    if (!found) return next()

    if (!inBody && !options.queryIsInput) {
      throw new Exception(`The address is invalid. ${found.problem}.`, {
        status: 400,
        code: 'E_BAD_REQUEST',
      })
    }
    throw new vineErrors.E_VALIDATION_ERROR([
      { field: found.path || 'body', message: found.problem, rule: 'storableText' },
    ])
  }
}

/**
 * The first string in `value` (keys included) PostgreSQL cannot store, with
 * its dotted path (`items.0.name`, as VineJS names fields).
 */
function find(value: unknown, path: string): Found | null {
  if (typeof value === 'string') {
    const problem = unstorable(value)
    return problem ? { path, problem } : null
  }
  if (!value || typeof value !== 'object') return null
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key
    const problem = unstorable(key)
    const found = problem ? { path: itemPath, problem } : find(item, itemPath)
    if (found) return found
  }
  return null
}
