import OrderTransformer from '#transformers/order_transformer'

/**
 * An order as Leaders see it in the admin API (G2): the buyer's view of it
 * and who bought it. Takes an order with its items and user loaded.
 */
export default class AdminOrderTransformer extends OrderTransformer {
  toObject() {
    const order = this.resource
    return {
      ...super.toObject(),
      buyer: { id: order.user.id, username: order.user.username },
    }
  }
}
