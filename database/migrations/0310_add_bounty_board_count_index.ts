import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every board page counts its matches for the pagination. With the filters
 * members use most (status, priority) that count is answered from this
 * index alone (an index-only scan), instead of reading thousands of wide
 * bounty rows. The included columns cover the visitor's visibility
 * rule and the category, reward and deadline filters.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE INDEX bounties_board_count ON bounties (status, priority)
        INCLUDE (team_id, category_id, bounty_amount, deadline)
        WHERE NOT is_draft AND deleted_at IS NULL
    `)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS bounties_board_count')
  }
}
