import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import { ordersToFulfil } from '#models/order_fulfilment'
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from '#enums/shop'
import { orderFiltersValidator } from '#validators/shop_admin'
import { readFilters } from '#validators/rules/filters'

/**
 * Every member's order, by status, to fulfil (G2).
 */
export default class OrdersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('viewAll')
    const { query, filters, problems } = await readFilters(orderFiltersValidator, request.qs(), [
      'status',
      'page',
    ])
    const orders = await ordersToFulfil(filters.status).paginate(filters.page ?? 1, 25)
    orders.baseUrl(request.url()).queryString({ ...query, page: undefined })
    return view.render('pages/admin/shop/orders/index', {
      orders,
      filterErrors: problems,
      status: filters.status ?? null,
      statuses: ORDER_STATUSES,
      statusLabels: ORDER_STATUS_LABELS,
    })
  }
}
