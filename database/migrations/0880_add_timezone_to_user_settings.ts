import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A member's own clock (H2): the analytics page counts bounty and earning
 * weeks from Monday midnight where the member lives, as teams do for their
 * check-ins. UTC until the member chooses otherwise.
 */
export default class extends BaseSchema {
  protected tableName = 'user_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('timezone', 64).notNullable().defaultTo('UTC')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('timezone')
    })
  }
}
