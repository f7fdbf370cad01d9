import { CategorySchema } from '#database/schema'
import { hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Bounty from '#models/bounty'

type CategoryQuery = ModelQueryBuilderContract<typeof Category>

/**
 * The optional category of a bounty (B1), managed by admins (I5): ordered
 * by `position`; a retired one is no longer offered for new bounties and
 * stays on the bounties that have it.
 */
export default class Category extends CategorySchema {
  @hasMany(() => Bounty)
  declare bounties: HasMany<typeof Bounty>

  get isRetired() {
    return this.retiredAt !== null
  }

  static ordered = scope((query: CategoryQuery) => {
    query.orderBy('position').orderBy('name')
  })

  /**
   * What the bounty form offers: categories in use, plus `keepId` (the one
   * an edited bounty has, even if retired since).
   */
  static offered = scope<typeof Category, (query: CategoryQuery, keepId?: string | null) => void>(
    (query, keepId = null) => {
      query.where((offered) => {
        offered.whereNull('retired_at')
        if (keepId) offered.orWhere('id', keepId)
      })
    }
  )
}
