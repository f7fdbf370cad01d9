import { ProductSchema } from '#database/schema'
import { belongsTo, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import ShopCategory from '#models/shop_category'
import User from '#models/user'
import { renderMarkdown } from '#services/markdown'
import type { ProductSort } from '#enums/shop'
import { containing } from '#services/text'

export type ProductFilters = { category?: string; q?: string; sort?: ProductSort }

type ProductQuery = ModelQueryBuilderContract<typeof Product>

/**
 * A reward in the shop (G1). `stock` null means unlimited; a product that
 * was ordered is archived rather than deleted (order lines keep it).
 */
export default class Product extends ProductSchema {
  @belongsTo(() => ShopCategory, { foreignKey: 'categoryId' })
  declare category: BelongsTo<typeof ShopCategory>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  /**
   * The description as sanitised HTML, for pages.
   */
  get descriptionHtml() {
    return renderMarkdown(this.description)
  }

  /**
   * Which picture the product shows (each upload is stored under a new
   * name): image links carry it, so a browser that cached the picture for
   * an hour asks again as soon as a Leader replaces it.
   */
  get imageVersion() {
    return this.imagePath?.split('/').pop()?.split('.')[0] ?? null
  }

  get isUnlimited() {
    return this.stock === null
  }

  get isArchived() {
    return this.archivedAt !== null
  }

  /**
   * On the members' shelves: active and not archived, whatever its stock.
   */
  get isListed() {
    return this.active && !this.isArchived
  }

  /**
   * Whether a member can put it in a cart and buy it now.
   */
  get isAvailable() {
    return this.isListed && (this.stock === null || this.stock > 0)
  }

  /**
   * At or below the threshold a Leader set for it (never for unlimited
   * stock or without a threshold).
   */
  get isLowStock() {
    return (
      this.stock !== null && this.lowStockThreshold !== null && this.stock <= this.lowStockThreshold
    )
  }

  /**
   * Members see the active, not archived products; Leaders see all of them.
   */
  static visibleTo = scope<typeof Product, (query: ProductQuery, viewer: User | null) => void>(
    (query, viewer) => {
      if (viewer?.isAdmin) return
      query.where('products.active', true).whereNull('products.archived_at')
    }
  )

  /**
   * The shop's shelves as `viewer` may see them: a category, words in the
   * name or description, newest first or by price.
   */
  static browse(viewer: User, filters: ProductFilters, page: number, limit: number) {
    const query = Product.query()
      .withScopes((scopes) => scopes.visibleTo(viewer))
      .preload('category')
    if (filters.category) query.where('products.category_id', filters.category)
    if (filters.q) {
      const pattern = containing(filters.q)
      query.where((words) =>
        words.whereILike('products.name', pattern).orWhereILike('products.description', pattern)
      )
    }
    if (filters.sort === 'price_asc') query.orderBy('products.price', 'asc')
    else if (filters.sort === 'price_desc') query.orderBy('products.price', 'desc')
    query.orderBy('products.created_at', 'desc').orderBy('products.id', 'asc')
    return query.paginate(page, limit)
  }

  /**
   * One product `viewer` may see, or a 404.
   */
  static findVisibleOrFail(viewer: User, id: string) {
    return Product.query()
      .withScopes((scopes) => scopes.visibleTo(viewer))
      .where('products.id', id)
      .preload('category')
      .firstOrFail()
  }
}
