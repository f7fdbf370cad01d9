import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#openapi/document'

export default class OpenapiController {
  /**
   * Served raw (no envelope) so OpenAPI tooling can read it directly.
   */
  async show({ response }: HttpContext) {
    return response.json(openApiDocument)
  }
}
