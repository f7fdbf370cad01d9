import { BaseTransformer } from '@adonisjs/core/transformers'
import type Money from '#ledger/money'
import type CartItem from '#models/cart_item'
import CartItemTransformer from '#transformers/cart_item_transformer'

/**
 * The caller's cart (GET /cart) at current prices.
 */
export default class CartTransformer extends BaseTransformer<{ items: CartItem[]; total: Money }> {
  toObject() {
    const { items, total } = this.resource
    return {
      items: items.map((item) => new CartItemTransformer(item).toObject()),
      total: total.toString(),
    }
  }
}
