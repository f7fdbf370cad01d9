import { urlFor } from '@adonisjs/core/services/url_builder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Notify from '#actions/notifications/notify'
import Product from '#models/product'
import User from '#models/user'

/**
 * What a checkout took: `quantity` units of the product.
 */
export type TakenStock = { productId: string; quantity: number }

/**
 * The low-stock alert (G1): tells every active Leader when a purchase
 * takes a product's stock from above the threshold they set to at or below
 * it. Only the purchase that crosses the line alerts, so a product selling
 * its last few units does not alert on each sale; it alerts again after a
 * restock lifts it above the threshold.
 *
 * Checkout calls it in its own transaction, after the stock was taken, so
 * a checkout that rolls back tells nobody (Notify delivers on commit).
 */
export default class AlertLowStock {
  static async handle(taken: TakenStock[], trx: TransactionClientContract) {
    const quantities = new Map<string, number>()
    for (const line of taken) {
      quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity)
    }
    if (!quantities.size) return []

    const products = await Product.query({ client: trx })
      .whereIn('id', [...quantities.keys()])
      .whereNotNull('stock')
      .whereNotNull('low_stock_threshold')
    const crossed = products.filter(
      (product) =>
        product.isLowStock &&
        product.stock! + quantities.get(product.id)! > product.lowStockThreshold!
    )
    if (!crossed.length) return []

    const leaders = await User.query({ client: trx })
      .where('role', 'OYAKATASAMA')
      .where('is_active', true)
      .whereNull('deleted_at')
      .select('id')
    for (const product of crossed) {
      await Notify.handle(
        {
          type: 'shop.low_stock',
          recipients: leaders,
          actor: null,
          title: `${product.name} is running low`,
          message: `${product.stock} left in the shop (your alert is at ${product.lowStockThreshold}).`,
          url: urlFor('admin.products.edit', { id: product.id }),
          data: {
            productId: product.id,
            stock: product.stock,
            threshold: product.lowStockThreshold,
          },
        },
        trx
      )
    }
    return crossed
  }
}
