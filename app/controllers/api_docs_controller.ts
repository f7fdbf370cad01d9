import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { docsPage } from '#openapi/docs_page'

/**
 * The human-readable API reference, rendered on the server from the OpenAPI
 * document (no scripts, nothing from a CDN).
 */
export default class ApiDocsController {
  async show({ view }: HttpContext) {
    return view.render('pages/api/docs', {
      docs: docsPage(),
      documentUrl: urlFor('api.openapi'),
    })
  }
}
