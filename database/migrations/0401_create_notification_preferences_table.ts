import { BaseSchema } from '@adonisjs/lucid/schema'
import { NOTIFICATION_CHANNELS } from '#enums/notification'

/**
 * A member's choice per notification type (D3): live, email or off. Only
 * choices that differ from a type's default need a row. `type` is checked
 * by the validators, not here, so a new type needs no migration.
 */
export default class extends BaseSchema {
  protected tableName = 'notification_preferences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('type', 50).notNullable()
      table
        .enum('channel', [...NOTIFICATION_CHANNELS], {
          useNative: true,
          enumName: 'notification_channel',
        })
        .notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['user_id', 'type'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS notification_channel')
  }
}
