import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import CancelOrder from '#actions/shop/cancel_order'
import { serialize } from '#transformers/envelope'
import OrderTransformer from '#transformers/order_transformer'

/**
 * PUT /orders/:id/cancel: the buyer cancels a PLACED order (refunded and
 * restocked).
 */
export default class CancellationsController {
  async update({ auth, params, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('cancel', await Order.findOrFail(params.id))
    await CancelOrder.handle(auth.use('api').getUserOrFail(), params.id)
    return serialize(OrderTransformer.transform(await Order.findWithItemsOrFail(params.id)), {
      message: 'Order cancelled: the money is back in your wallet',
    })
  }
}
