import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import CancelOrder from '#actions/shop/cancel_order'

/**
 * The buyer cancels a PLACED order: refunded and restocked.
 */
export default class CancellationsController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('cancel', await Order.findOrFail(params.id))
    const order = await CancelOrder.handle(auth.use('web').getUserOrFail(), params.id)
    session.flash('success', `Order cancelled: ${order.total.format()} is back in your wallet.`)
    return response.redirect().toRoute('orders.show', { id: order.id })
  }
}
