import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger, { accounts } from '#ledger/ledger'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import Transaction from '#models/transaction'
import type User from '#models/user'
import AnnounceOrder from '#actions/shop/announce_order'

/**
 * Cancels an order (G2): its buyer while it is PLACED, a Leader until it
 * ships. The payment goes back SHOP → wallet through the ledger, the stock
 * goes back on the shelf, and the buyer is told — all under the order
 * row's lock, so however many cancel at once, one refunds and the others
 * find it CANCELLED (INVALID_TRANSITION).
 *
 * Who may ask is OrderPolicy.cancel's question; this action enforces the
 * status rule, which only the locked row can answer.
 */
export default class CancelOrder {
  static handle(actor: User, orderId: string) {
    return Ledger.transaction((trx) => this.within(trx, actor, orderId))
  }

  /**
   * The cancellation inside the caller's transaction (a Leader's bulk
   * change cancels several orders in one).
   */
  static async within(trx: TransactionClientContract, actor: User, orderId: string) {
    const order = await Order.lockForUpdate(trx, orderId)
    if (!order.isCancellableBy(actor)) {
      throw new DomainError('INVALID_TRANSITION', refusal(order, actor), { field: 'status' })
    }

    // Products before accounts, and products in id order, as checkout takes
    // them, so the two never wait on each other in opposite orders (an
    // UPDATE … FROM locks its rows in whatever order its plan reads them).
    await trx.rawQuery(
      `WITH item AS (
         SELECT product_id, sum(quantity)::int AS quantity FROM order_items
          WHERE order_id = ? GROUP BY product_id
       ),
       locked AS MATERIALIZED (
         SELECT products.id FROM products JOIN item ON item.product_id = products.id
          WHERE products.stock IS NOT NULL ORDER BY products.id FOR UPDATE OF products
       )
       UPDATE products SET stock = products.stock + item.quantity, updated_at = now()
         FROM item, locked
        WHERE products.id = item.product_id AND products.id = locked.id`,
      [order.id]
    )

    const wallet = accounts.wallet(order.userId)
    const movement = await Ledger.transfer(trx, {
      from: accounts.shop,
      to: wallet,
      amount: order.total,
      description: `Refund of shop order ${order.id}`,
    })
    await Transaction.create(
      {
        userId: order.userId,
        entryId: movement.entryId,
        type: 'EARN',
        status: 'COMPLETED',
        amount: order.total,
        balanceBefore: movement.balanceBefore(wallet),
        balanceAfter: movement.balanceAfter(wallet),
        description: `Refund of shop order #${order.reference} (cancelled)`,
        metadata: { kind: 'shop_refund', orderId: order.id },
      },
      { client: trx }
    )

    order.status = 'CANCELLED'
    order.refundEntryId = movement.entryId
    order.cancelledBy = actor.id
    await order.useTransaction(trx).save()
    await OrderEvent.create(
      { orderId: order.id, status: 'CANCELLED', actorId: actor.id },
      { client: trx }
    )
    await AnnounceOrder.handle(trx, order, actor)
    return order
  }
}

function refusal(order: Order, actor: User) {
  if (order.isCancelled) return 'This order is already cancelled'
  if (actor.isAdmin) return 'An order that has shipped can no longer be cancelled'
  return 'Only an order that is still placed can be cancelled: ask a Leader'
}
