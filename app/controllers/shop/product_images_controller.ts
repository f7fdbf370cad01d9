import drive from '@adonisjs/drive/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'

/**
 * A product's image, to those who may see the product: an inactive
 * product's image is as hidden as the product. Every stored picture is a
 * WebP that ProductImages wrote itself; links carry its version (`?v=`),
 * so the hour it may be cached never shows a replaced one.
 */
export default class ProductImagesController {
  async show({ auth, params, response }: HttpContext) {
    const product = await Product.findVisibleOrFail(auth.getUserOrFail(), params.id)
    if (!product.imagePath || !(await drive.use().exists(product.imagePath))) {
      return response.notFound('Image not found')
    }
    response.header('Content-Type', 'image/webp')
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cache-Control', 'private, max-age=3600')
    return response.stream(await drive.use().getStream(product.imagePath))
  }
}
