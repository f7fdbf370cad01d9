import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import { MAX_LINE_QUANTITY } from '#enums/shop'

/**
 * A product's page: what it is, what it costs, what is left.
 */
export default class ProductsController {
  async show({ auth, params, view }: HttpContext) {
    const product = await Product.findVisibleOrFail(auth.use('web').getUserOrFail(), params.id)
    return view.render('pages/shop/product', { product, maxQuantity: MAX_LINE_QUANTITY })
  }
}
