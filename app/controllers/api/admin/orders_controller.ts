import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import { ordersToFulfil } from '#models/order_fulfilment'
import { orderFiltersValidator } from '#validators/shop_admin'
import { serialize } from '#transformers/envelope'
import AdminOrderTransformer from '#transformers/admin_order_transformer'

/**
 * GET /admin/orders?status=&page=: every member's orders (G2).
 */
export default class OrdersController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('viewAll')
    const { status, page = 1, limit = 20 } = await request.validateUsing(orderFiltersValidator)
    const orders = await ordersToFulfil(status).paginate(page, limit)
    return serialize(AdminOrderTransformer.paginate(orders.all(), orders.getMeta()))
  }
}
