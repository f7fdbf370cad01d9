import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import SetOrderStatus from '#actions/shop/set_order_status'
import { orderStatusValidator } from '#validators/shop_admin'
import { serialize } from '#transformers/envelope'
import AdminOrderTransformer from '#transformers/admin_order_transformer'

/**
 * PUT /admin/orders/:id/status { status } (G2).
 */
export default class OrderStatusesController {
  async update({ auth, params, request, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('changeStatus')
    const { status } = await request.validateUsing(orderStatusValidator)
    const actor = { user: auth.use('api').getUserOrFail(), ip: request.ip() }
    const order = await SetOrderStatus.one(actor, params.id, status)
    await order.load((loader) => loader.load('items').load('user'))
    return serialize(AdminOrderTransformer.transform(order))
  }
}
