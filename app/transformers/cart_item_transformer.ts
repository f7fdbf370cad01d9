import { BaseTransformer } from '@adonisjs/core/transformers'
import type CartItem from '#models/cart_item'
import ProductTransformer from '#transformers/product_transformer'

/**
 * One line of the caller's cart at the product's current price.
 */
export default class CartItemTransformer extends BaseTransformer<CartItem> {
  toObject() {
    const item = this.resource
    return {
      id: item.id,
      product: new ProductTransformer(item.product).toObject(),
      quantity: item.quantity,
      lineTotal: item.lineTotal.toString(),
    }
  }
}
