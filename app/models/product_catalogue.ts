import db from '@adonisjs/lucid/services/db'
import Product from '#models/product'
import type { ProductFilters } from '#validators/shop_admin'
import { containing } from '#services/text'

/**
 * Products as the admin catalogue shows them (G1): with their category and
 * `$extras.has_orders`, which says whether one can still be deleted.
 */
function catalogueQuery() {
  return Product.query()
    .preload('category')
    .select('products.*')
    .select(
      db.raw('EXISTS (SELECT 1 FROM order_items WHERE product_id = products.id) AS has_orders')
    )
}

/**
 * Every product, newest first, narrowed by the list's filters. Archived
 * products show only under their own filter, so the working list is what
 * is (or may again be) for sale.
 */
export function productCatalogue(filters: Omit<ProductFilters, 'page'>) {
  const query = catalogueQuery()
  if (filters.q) query.whereILike('products.name', containing(filters.q))
  if (filters.categoryId) query.where('products.category_id', filters.categoryId)
  if (filters.state === 'archived') query.whereNotNull('products.archived_at')
  else query.whereNull('products.archived_at')
  if (filters.state === 'active') query.where('products.active', true)
  if (filters.state === 'inactive') query.where('products.active', false)
  if (filters.lowStock) {
    query.whereNotNull('products.stock').whereRaw('products.stock <= products.low_stock_threshold')
  }
  return query.orderBy('products.created_at', 'desc').orderBy('products.id', 'desc')
}

export function catalogueProduct(id: string) {
  return catalogueQuery().where('products.id', id).firstOrFail()
}
