import { OrderSchema } from '#database/schema'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OrderItem from '#models/order_item'
import OrderEvent from '#models/order_event'
import User from '#models/user'
import {
  ADMIN_CANCELLABLE,
  BUYER_CANCELLABLE,
  ORDER_STATUS_LABELS,
  type OrderStatus,
  canTransition,
} from '#enums/shop'

type OrderQuery = ModelQueryBuilderContract<typeof Order>

/**
 * A member's purchase (G2), paid from their wallet at checkout. Its status
 * moves forward by a Leader's hand; cancelling refunds it and puts its
 * stock back, once (`refundEntryId` is set exactly when it is CANCELLED).
 */
export default class Order extends OrderSchema {
  @column()
  declare status: OrderStatus

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'cancelledBy' })
  declare canceller: BelongsTo<typeof User>

  @hasMany(() => OrderItem)
  declare items: HasMany<typeof OrderItem>

  @hasMany(() => OrderEvent)
  declare events: HasMany<typeof OrderEvent>

  get statusLabel() {
    return ORDER_STATUS_LABELS[this.status]
  }

  /**
   * The order's reference as people read it: the first block of its id.
   */
  get reference() {
    return Order.reference(this.id)
  }

  static reference(orderId: string) {
    return orderId.slice(0, 8).toUpperCase()
  }

  /**
   * How its status pill reads at a glance: done, given up, or still moving.
   */
  get statusTone() {
    if (this.status === 'CANCELLED') return 'muted'
    if (this.status === 'DELIVERED') return 'ok'
    return 'warn'
  }

  get isCancelled() {
    return this.status === 'CANCELLED'
  }

  isBoughtBy(user: { id: string } | null | undefined) {
    return Boolean(user) && this.userId === user!.id
  }

  /**
   * The buyer may cancel while nobody has acted on the order yet.
   */
  isCancellableByBuyer() {
    return BUYER_CANCELLABLE.includes(this.status)
  }

  /**
   * A Leader may cancel until the order ships.
   */
  isCancellableByAdmin() {
    return ADMIN_CANCELLABLE.includes(this.status)
  }

  /**
   * Whether `user` may cancel it now: a Leader under the Leader's rule, its
   * buyer under the buyer's.
   */
  isCancellableBy(user: User) {
    if (user.isAdmin) return this.isCancellableByAdmin()
    return this.isBoughtBy(user) && this.isCancellableByBuyer()
  }

  canMoveTo(status: OrderStatus) {
    return canTransition(this.status, status)
  }

  static newestFirst = scope((query: OrderQuery) => {
    query.orderBy('orders.created_at', 'desc').orderBy('orders.id', 'desc')
  })

  /**
   * Its lines, by name: what the API shows of an order.
   */
  static withItems = scope((query: OrderQuery) => {
    query.preload('items', (items) => items.orderBy('name', 'asc').orderBy('id', 'asc'))
  })

  /**
   * Its lines and its history of changes with who made them: the order page.
   */
  static withDetails = scope((query: OrderQuery) => {
    query
      .withScopes((scopes) => scopes.withItems())
      .preload('events', (events) =>
        events.preload('actor').orderBy('created_at', 'asc').orderBy('id', 'asc')
      )
  })

  /**
   * A page of the buyer's own orders, newest first, with their lines.
   */
  static ofBuyer(buyer: { id: string }, page: number, limit: number) {
    return Order.query()
      .where('user_id', buyer.id)
      .withScopes((scopes) => scopes.newestFirst())
      .withScopes((scopes) => scopes.withItems())
      .paginate(page, limit)
  }

  static findWithDetailsOrFail(id: string) {
    return Order.query()
      .where('id', id)
      .withScopes((scopes) => scopes.withDetails())
      .firstOrFail()
  }

  static findWithItemsOrFail(id: string) {
    return Order.query()
      .where('id', id)
      .withScopes((scopes) => scopes.withItems())
      .firstOrFail()
  }

  /**
   * Locks the order for a change: concurrent changes (two cancels, a
   * cancel and a status change) wait here and then see the state the first
   * one left, which is how a refund happens once.
   */
  static lockForUpdate(trx: TransactionClientContract, id: string) {
    return Order.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
  }
}
