import type { HttpContext } from '@adonisjs/core/http'
import Cart from '#actions/shop/cart'
import { addToCartValidator, updateCartItemValidator } from '#validators/shop'

/**
 * The cart's lines from the pages: add from a product, change a quantity,
 * remove.
 */
export default class ItemsController {
  async store({ auth, request, response, session }: HttpContext) {
    const data = await request.validateUsing(addToCartValidator)
    const item = await Cart.add(auth.use('web').getUserOrFail(), data)
    session.flash('success', `${item.product.name} is in your cart (${item.quantity}).`)
    return response.redirect().toRoute('cart.show')
  }

  async update({ auth, params, request, response, session }: HttpContext) {
    const { quantity } = await request.validateUsing(updateCartItemValidator)
    const item = await Cart.update(auth.use('web').getUserOrFail(), params.id, quantity)
    session.flash('success', `${item.product.name}: quantity set to ${quantity}.`)
    return response.redirect().toRoute('cart.show')
  }

  async destroy({ auth, params, response, session }: HttpContext) {
    const item = await Cart.remove(auth.use('web').getUserOrFail(), params.id)
    session.flash('success', `${item.product.name} was removed from your cart.`)
    return response.redirect().toRoute('cart.show')
  }
}
