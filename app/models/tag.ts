import { TagSchema } from '#database/schema'
import db from '@adonisjs/lucid/services/db'
import { scope } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

/**
 * Colours for tags members create while posting (admins may change them).
 */
const PALETTE = [
  '#3B82F6',
  '#10B981',
  '#F59E0B',
  '#EF4444',
  '#8B5CF6',
  '#EC4899',
  '#14B8A6',
  '#F97316',
  '#6366F1',
  '#84CC16',
]

/**
 * A skill label on bounties, shown with its colour.
 */
export default class Tag extends TagSchema {
  /**
   * Every tag by name, with how many bounties carry it
   * (`$extras.bounties_count`) and how many members watch it
   * (`$extras.watchers_count`), for the taxonomy page (I5).
   */
  static withUsage = scope((query: ModelQueryBuilderContract<typeof Tag>) => {
    query
      .select('tags.*')
      .select(
        db
          .from('bounty_tags')
          .whereColumn('bounty_tags.tag_id', 'tags.id')
          .count('*')
          .as('bounties_count'),
        db
          .from('tag_watchers')
          .whereColumn('tag_watchers.tag_id', 'tags.id')
          .count('*')
          .as('watchers_count')
      )
      .orderByRaw('lower(tags.name)')
  })

  /**
   * A new tag's colour follows from its name, so the same name always gets
   * the same colour on every machine.
   */
  /**
   * The tags with these names (any case), creating the missing ones. Safe
   * when two posters introduce the same new tag at once.
   */
  static async findOrCreateMany(names: string[], client: QueryClientContract) {
    const unique = [...new Map(names.map((name) => [name.toLowerCase(), name])).values()]
    if (unique.length === 0) return []
    const values = unique.map(() => '(?, ?)').join(', ')
    await client.rawQuery(
      `INSERT INTO tags (name, color) VALUES ${values} ON CONFLICT ((lower(name))) DO NOTHING`,
      unique.flatMap((name) => [name, Tag.colorFor(name.toLowerCase())])
    )
    return Tag.query({ client }).whereRaw('lower(name) = ANY(?)', [
      unique.map((name) => name.toLowerCase()),
    ])
  }

  static colorFor(name: string) {
    let hash = 0
    for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
    return PALETTE[hash % PALETTE.length]
  }
}
