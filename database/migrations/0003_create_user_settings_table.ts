import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'user_settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('user_id').primary().references('users.id').onDelete('CASCADE')
      table.boolean('email_notifications').notNullable().defaultTo(true)
      table.boolean('push_notifications').notNullable().defaultTo(true)
      table.boolean('marketing_emails').notNullable().defaultTo(false)
      table.boolean('two_factor_enabled').notNullable().defaultTo(false)
      table
        .enum('profile_visibility', ['PUBLIC', 'PRIVATE', 'FRIENDS_ONLY'], {
          useNative: true,
          enumName: 'profile_visibility',
        })
        .notNullable()
        .defaultTo('PUBLIC')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS profile_visibility')
  }
}
