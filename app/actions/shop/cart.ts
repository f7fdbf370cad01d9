import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import { DomainError } from '#exceptions/domain_error'
import Money from '#ledger/money'
import CartItem from '#models/cart_item'
import Product from '#models/product'
import type User from '#models/user'
import { MAX_LINE_QUANTITY } from '#enums/shop'

/**
 * A member's cart (G2), kept on the server: one line per product, at most
 * MAX_LINE_QUANTITY of it. A line only ever names a product the member may
 * see; prices are the products' current ones and are read again at
 * checkout.
 */
export default class Cart {
  /**
   * The member's lines, oldest first, with their products (and
   * categories), and the total at current prices.
   */
  static async of(user: User) {
    const items = await CartItem.query()
      .where('user_id', user.id)
      .preload('product', (product) => product.preload('category'))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
    const total = Money.sum(items.map((item) => item.lineTotal))
    return { items, total, count: items.reduce((sum, item) => sum + item.quantity, 0) }
  }

  /**
   * How many things are in the member's cart (the shop's Cart button), in
   * one query.
   */
  static async count(user: User) {
    const [row] = await CartItem.query().where('user_id', user.id).sum('quantity as count')
    return Number(row.$extras.count ?? 0)
  }

  /**
   * Puts `quantity` of a product in the cart, added to what is there. A
   * product the member cannot see is a validation error on `productId`
   * (hidden and unknown look the same); one sold out is OUT_OF_STOCK.
   */
  static async add(user: User, data: { productId: string; quantity?: number }) {
    const product = await Product.query()
      .withScopes((scopes) => scopes.visibleTo(user))
      .where('products.id', data.productId)
      .whereNull('products.archived_at')
      .where('products.active', true)
      .first()
    if (!product) {
      throw new vineErrors.E_VALIDATION_ERROR([
        { field: 'productId', message: 'No product in the shop has this id', rule: 'exists' },
      ])
    }
    if (!product.isAvailable) {
      throw new DomainError('OUT_OF_STOCK', `${product.name} is sold out`, { field: 'productId' })
    }
    const quantity = data.quantity ?? 1
    const { rows } = await db.rawQuery<{ rows: { id: string }[] }>(
      `INSERT INTO cart_items (user_id, product_id, quantity) VALUES (?, ?, ?)
       ON CONFLICT (user_id, product_id) DO UPDATE
         SET quantity = LEAST(cart_items.quantity + EXCLUDED.quantity, ?), updated_at = now()
       RETURNING id`,
      [user.id, product.id, quantity, MAX_LINE_QUANTITY]
    )
    return this.lineOf(user, rows[0].id)
  }

  static async update(user: User, itemId: string, quantity: number) {
    const item = await this.lineOf(user, itemId)
    item.quantity = quantity
    await item.save()
    return item
  }

  static async remove(user: User, itemId: string) {
    const item = await this.lineOf(user, itemId)
    await item.delete()
    return item
  }

  /**
   * One of the member's own lines: anyone else's is a 404, as if it did not
   * exist.
   */
  static lineOf(user: User, itemId: string) {
    return CartItem.query()
      .where('id', itemId)
      .where('user_id', user.id)
      .preload('product', (product) => product.preload('category'))
      .firstOrFail()
  }
}
