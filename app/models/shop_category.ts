import { ShopCategorySchema } from '#database/schema'
import { hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Product from '#models/product'

/**
 * A shelf of the reward shop (G1). Names are unique whatever their case.
 */
export default class ShopCategory extends ShopCategorySchema {
  @hasMany(() => Product, { foreignKey: 'categoryId' })
  declare products: HasMany<typeof Product>

  static ordered = scope((query: ModelQueryBuilderContract<typeof ShopCategory>) => {
    query.orderBy('position', 'asc').orderByRaw('lower(name) ASC')
  })
}
