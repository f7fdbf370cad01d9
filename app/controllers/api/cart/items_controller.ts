import type { HttpContext } from '@adonisjs/core/http'
import Cart from '#actions/shop/cart'
import { addToCartValidator, updateCartItemValidator } from '#validators/shop'
import { serialize } from '#transformers/envelope'
import CartItemTransformer from '#transformers/cart_item_transformer'

/**
 * Lines of the caller's cart: add a product, change a quantity, remove.
 */
export default class ItemsController {
  async store({ auth, request, response }: HttpContext) {
    const data = await request.validateUsing(addToCartValidator)
    const item = await Cart.add(auth.use('api').getUserOrFail(), data)
    response.status(201)
    return serialize(CartItemTransformer.transform(item), { message: 'Added to your cart' })
  }

  async update({ auth, params, request }: HttpContext) {
    const { quantity } = await request.validateUsing(updateCartItemValidator)
    const item = await Cart.update(auth.use('api').getUserOrFail(), params.id, quantity)
    return serialize(CartItemTransformer.transform(item), { message: 'Quantity changed' })
  }

  async destroy({ auth, params }: HttpContext) {
    await Cart.remove(auth.use('api').getUserOrFail(), params.id)
    return serialize(null, { message: 'Removed from your cart' })
  }
}
