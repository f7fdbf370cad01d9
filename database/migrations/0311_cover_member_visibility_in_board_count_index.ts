import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The board count's index (0310) covered a visitor's visibility rule; a
 * signed-in member's also reads `created_by`, `is_draft` (inside its OR) and
 * `id` (their claims), so every member's board and API page counted from
 * the table. With those columns included it stays an index-only scan.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      DROP INDEX IF EXISTS bounties_board_count;
      CREATE INDEX bounties_board_count ON bounties (status, priority)
        INCLUDE (team_id, created_by, id, is_draft, category_id, bounty_amount, deadline)
        WHERE NOT is_draft AND deleted_at IS NULL
    `)
  }

  async down() {
    this.schema.raw(`
      DROP INDEX IF EXISTS bounties_board_count;
      CREATE INDEX bounties_board_count ON bounties (status, priority)
        INCLUDE (team_id, category_id, bounty_amount, deadline)
        WHERE NOT is_draft AND deleted_at IS NULL
    `)
  }
}
