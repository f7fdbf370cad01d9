import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger from '#ledger/ledger'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Order from '#models/order'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { DomainError } from '#exceptions/domain_error'
import type { OrderStatus } from '#enums/shop'

export type OrderRefusal = { orderId: string; reference: string; message: string }

/**
 * A Leader's status change from the admin console (G2): ChangeOrderStatus
 * (or, for CANCELLED, the refund it delegates to) with an audit entry of
 * the status before and after in the same transaction. A bulk change runs
 * each order in its own transaction, so one order that can no longer move
 * is reported and the others still change.
 */
export default class SetOrderStatus {
  static one(actor: AuditActor, orderId: string, status: OrderStatus) {
    return Ledger.transaction((trx) => SetOrderStatus.#within(trx, actor, orderId, status))
  }

  static async many(actor: AuditActor, orderIds: string[], status: OrderStatus) {
    const changed: Order[] = []
    const refused: OrderRefusal[] = []
    for (const orderId of orderIds) {
      try {
        changed.push(await SetOrderStatus.one(actor, orderId, status))
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        refused.push({ orderId, reference: Order.reference(orderId), message: error.message })
      }
    }
    return { changed, refused }
  }

  static async #within(
    trx: TransactionClientContract,
    actor: AuditActor,
    orderId: string,
    status: OrderStatus
  ) {
    const current = await Order.query({ client: trx }).where('id', orderId).forUpdate().first()
    if (!current) throw new DomainError('NOT_FOUND', 'This order does not exist.')
    const order = await ChangeOrderStatus.within(trx, actor.user, orderId, status)
    await AuditLog.record(
      actor,
      {
        action: status === 'CANCELLED' ? 'order.cancelled' : 'order.status_changed',
        subject: { type: 'order', id: order.id },
        data: { before: { status: current.status }, after: { status: order.status } },
      },
      trx
    )
    return order
  }
}
