import drive from '@adonisjs/drive/services/main'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Serves a product picture (G1). Every stored picture is a WebP the shop
 * wrote itself (ProductImages), under an unguessable name.
 */
export default class ProductImagesController {
  async show({ params, response }: HttpContext) {
    const key = `products/${params.file}`
    if (!(await drive.use().exists(key))) return response.notFound('Image not found')
    response.header('Content-Type', 'image/webp')
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cache-Control', 'private, max-age=31536000, immutable')
    return response.stream(await drive.use().getStream(key))
  }
}
