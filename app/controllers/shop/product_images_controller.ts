import drive from '@adonisjs/drive/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

/**
 * A product's image, to those who may see the product: an inactive
 * product's image is as hidden as the product. The content type comes from
 * an allow-list, never from the file.
 */
export default class ProductImagesController {
  async show({ auth, params, response }: HttpContext) {
    const product = await Product.findVisibleOrFail(auth.getUserOrFail(), params.id)
    const type = product.imagePath && TYPES[product.imagePath.split('.').pop()!.toLowerCase()]
    if (!type || !(await drive.use().exists(product.imagePath!))) {
      return response.notFound('Image not found')
    }
    response.header('Content-Type', type)
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cache-Control', 'private, max-age=3600')
    return response.stream(await drive.use().getStream(product.imagePath!))
  }
}
