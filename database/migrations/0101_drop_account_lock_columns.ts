import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Sign-in locks moved to the limiter store (app/actions/auth/login_guard.ts):
 * they are per (address, account) pair now, with an hourly ceiling per
 * account, so a whole-account lock and its counter no longer exist.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('failed_login_count')
      table.dropColumn('locked_until')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('failed_login_count').notNullable().defaultTo(0)
      table.timestamp('locked_until', { useTz: true }).nullable()
    })
  }
}
