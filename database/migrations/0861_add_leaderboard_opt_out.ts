import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Leaderboard opt-out (K9): a member who sets it is left off every board
 * (page, API, live) while their totals and points stay as they are. The
 * two partial indexes keep the few members a board leaves out (opted out,
 * deactivated or deleted) one small index read away from the query that
 * ranks a member (app/gamification/leaderboard.ts).
 */
export default class extends BaseSchema {
  protected tableName = 'user_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.boolean('leaderboard_opt_out').notNullable().defaultTo(false)
    })
    this.schema.raw(
      `CREATE INDEX user_settings_leaderboard_opt_out ON user_settings (user_id) WHERE leaderboard_opt_out`
    )
    this.schema.raw(
      `CREATE INDEX users_unlisted ON users (id) WHERE NOT is_active OR deleted_at IS NOT NULL`
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS users_unlisted')
    this.schema.raw('DROP INDEX IF EXISTS user_settings_leaderboard_opt_out')
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('leaderboard_opt_out')
    })
  }
}
