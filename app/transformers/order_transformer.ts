import { BaseTransformer } from '@adonisjs/core/transformers'
import type Order from '#models/order'

/**
 * An order as its buyer sees it (and as `order.updated` carries it on
 * `users/:id/orders`). Lines name the product as it was bought. Takes an
 * order with its items loaded.
 */
export default class OrderTransformer extends BaseTransformer<Order> {
  toObject() {
    const order = this.resource
    return {
      id: order.id,
      status: order.status,
      total: order.total.toString(),
      items: order.items.map((item) => ({
        product: { id: item.productId, name: item.name },
        quantity: item.quantity,
        unitPrice: item.unitPrice.toString(),
        lineTotal: item.lineTotal.toString(),
      })),
      createdAt: order.createdAt.toUTC().toISO()!,
      updatedAt: order.updatedAt.toUTC().toISO()!,
    }
  }
}
