import type { HttpContext } from '@adonisjs/core/http'
import Cart from '#actions/shop/cart'
import { serialize } from '#transformers/envelope'
import CartTransformer from '#transformers/cart_transformer'

/**
 * The caller's cart (GET /cart), the same one the pages show.
 */
export default class CartController {
  async show({ auth }: HttpContext) {
    const cart = await Cart.of(auth.use('api').getUserOrFail())
    return serialize(CartTransformer.transform(cart))
  }
}
