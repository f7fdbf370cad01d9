import Order from '#models/order'
import type { OrderStatus } from '#enums/shop'

/**
 * Every member's orders for the Leaders who fulfil them (G2), newest
 * first, with their buyer and lines; the `(status, created_at)` index
 * serves the status filter.
 */
export function ordersToFulfil(status?: OrderStatus) {
  const query = Order.query()
    .preload('user')
    .preload('items', (items) => items.orderBy('name', 'asc').orderBy('id', 'asc'))
    .withScopes((scopes) => scopes.newestFirst())
  if (status) query.where('orders.status', status)
  return query
}
