import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import SetOrderStatus from '#actions/shop/set_order_status'
import { ORDER_STATUS_LABELS } from '#enums/shop'
import { bulkOrderStatusValidator } from '#validators/shop_admin'

/**
 * The orders page's bulk change (G2): each ticked order through
 * ChangeOrderStatus on its own; those that cannot move are listed back.
 */
export default class OrderStatusChangesController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('changeStatus')
    const { orderIds, status } = await request.validateUsing(bulkOrderStatusValidator)
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const { changed, refused } = await SetOrderStatus.many(actor, orderIds, status)
    const label = ORDER_STATUS_LABELS[status].toLowerCase()
    if (changed.length) session.flash('success', `${changed.length} marked ${label}.`)
    if (refused.length) session.flash('refusedOrders', refused)
    return response.redirect().back()
  }
}
