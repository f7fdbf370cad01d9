import { OrderEventSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'
import User from '#models/user'
import type { OrderStatus } from '#enums/shop'

/**
 * One step of an order's history: the status it reached, who set it (null
 * when the actor's account is gone) and when.
 */
export default class OrderEvent extends OrderEventSchema {
  @column()
  declare status: OrderStatus

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
