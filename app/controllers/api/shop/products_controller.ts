import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import { productFiltersValidator } from '#validators/shop'
import { serialize } from '#transformers/envelope'
import ProductTransformer from '#transformers/product_transformer'

/**
 * The shop's products as the caller may see them (members: active ones).
 */
export default class ProductsController {
  async index({ auth, request }: HttpContext) {
    const {
      page = 1,
      limit = 20,
      ...filters
    } = await request.validateUsing(productFiltersValidator)
    const products = await Product.browse(auth.use('api').getUserOrFail(), filters, page, limit)
    return serialize(ProductTransformer.paginate(products.all(), products.getMeta()))
  }

  async show({ auth, params }: HttpContext) {
    const product = await Product.findVisibleOrFail(auth.use('api').getUserOrFail(), params.id)
    return serialize(ProductTransformer.transform(product))
  }
}
