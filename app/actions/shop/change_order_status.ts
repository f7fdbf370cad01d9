import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import type User from '#models/user'
import { ORDER_STATUS_LABELS, type OrderStatus } from '#enums/shop'
import AnnounceOrder from '#actions/shop/announce_order'
import CancelOrder from '#actions/shop/cancel_order'

/**
 * A Leader moves an order on (G2): PLACED → CONFIRMED → SHIPPED →
 * DELIVERED, one step at a time, or cancels it (CancelOrder: refund and
 * restock) before it ships. Under the order row's lock, so two Leaders
 * changing it at once each see the state the other left; a step that no
 * longer applies is INVALID_TRANSITION. The buyer is told (AnnounceOrder).
 *
 * Who may ask is OrderPolicy.changeStatus's question (Leaders only).
 */
export default class ChangeOrderStatus {
  static handle(actor: User, orderId: string, status: OrderStatus) {
    return Ledger.transaction((trx) => this.within(trx, actor, orderId, status))
  }

  /**
   * The change inside the caller's transaction (a bulk change makes several
   * in one).
   */
  static async within(
    trx: TransactionClientContract,
    actor: User,
    orderId: string,
    status: OrderStatus
  ) {
    if (status === 'CANCELLED') return CancelOrder.within(trx, actor, orderId)

    const order = await Order.lockForUpdate(trx, orderId)
    if (!order.canMoveTo(status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `A ${ORDER_STATUS_LABELS[order.status].toLowerCase()} order cannot become ${ORDER_STATUS_LABELS[status].toLowerCase()}`,
        { field: 'status' }
      )
    }
    order.status = status
    await order.useTransaction(trx).save()
    await OrderEvent.create({ orderId: order.id, status, actorId: actor.id }, { client: trx })
    await AnnounceOrder.handle(trx, order, actor)
    return order
  }
}
