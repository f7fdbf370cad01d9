import { CartItemSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Product from '#models/product'
import User from '#models/user'

/**
 * One line of a member's cart (G2): kept on the server, so the cart
 * survives signing out and is the same for pages and the API. One line per
 * product; prices are read again at checkout.
 */
export default class CartItem extends CartItemSchema {
  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /**
   * The line at the product's current price (the product must be loaded).
   */
  get lineTotal() {
    return this.product.price.times(this.quantity)
  }

  /**
   * More than the product has left (the product must be loaded): checkout
   * would refuse it until the quantity comes down.
   */
  get exceedsStock() {
    return this.product.stock !== null && this.product.stock < this.quantity
  }
}
