import { inject } from '@adonisjs/core'
import StaticMiddleware from '@adonisjs/static/static_middleware'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Serves public/ (@adonisjs/static) for paths that can name a file there:
 * every file in public/ has an extension. The static middleware otherwise
 * asks the disk about every page and API call (`stat public/api/v1/…`),
 * work no page or API call needs.
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(private files: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    const path = ctx.request.url()
    if (!path.slice(path.lastIndexOf('/') + 1).includes('.')) return next()
    return this.files.handle(ctx, next)
  }
}
