import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Server-side sessions. The session package's database store owns
 * id, data, user_id and expires_at; Corps adds the device details shown on the
 * sessions page.
 */
export default class extends BaseSchema {
  protected tableName = 'sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id').primary()
      table.text('data').notNullable()
      table.string('user_id').nullable().index()
      table.timestamp('expires_at').notNullable().index()
      table.string('ip_address', 64).nullable()
      table.text('user_agent').nullable()
      table.timestamp('last_seen_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
