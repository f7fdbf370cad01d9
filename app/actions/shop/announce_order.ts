import { urlFor } from '@adonisjs/core/services/url_builder'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Notify from '#actions/notifications/notify'
import type Order from '#models/order'
import type User from '#models/user'
import type { OrderStatus } from '#enums/shop'
import { broadcastOrderUpdated } from '#services/broadcast'

const TITLES: Record<OrderStatus, string> = {
  PLACED: 'Your order is placed',
  CONFIRMED: 'Your order is confirmed',
  SHIPPED: 'Your order has shipped',
  DELIVERED: 'Your order was delivered',
  CANCELLED: 'Your order was cancelled and refunded',
}

/**
 * Tells an order's buyer it changed (G2): a notification (their
 * preferences apply; never for their own action) in the change's
 * transaction, and once it commits, the order's new state on
 * `users/:id/orders` for their open order pages.
 */
export default class AnnounceOrder {
  static async handle(trx: TransactionClientContract, order: Order, actor: User | null) {
    await Notify.handle(
      {
        type: 'order.updated',
        recipients: [{ id: order.userId }],
        actor,
        title: TITLES[order.status],
        message:
          order.status === 'CANCELLED'
            ? `${order.total.format()} is back in your wallet.`
            : `Order of ${order.total.format()}, placed ${order.createdAt.toUTC().toISODate()}.`,
        url: urlFor('orders.show', { id: order.id }),
        data: { orderId: order.id, status: order.status },
      },
      trx
    )
    trx.after('commit', () =>
      broadcastOrderUpdated(order).catch((error) =>
        logger.error({ err: error }, 'broadcasting an order update failed')
      )
    )
  }
}
