import { ProductSchema } from '#database/schema'
import { belongsTo, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import ShopCategory from '#models/shop_category'
import User from '#models/user'

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

  get isUnlimited() {
    return this.stock === null
  }

  get isArchived() {
    return this.archivedAt !== null
  }

  /**
   * Whether a member can put it in a cart and buy it now.
   */
  get isAvailable() {
    return this.active && !this.isArchived && (this.stock === null || this.stock > 0)
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

  isVisibleTo(viewer: User | null) {
    return Boolean(viewer?.isAdmin) || (this.active && !this.isArchived)
  }
}
