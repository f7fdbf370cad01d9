import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Idempotency-Key records for money-moving API calls (C4): the first
 * response is stored and replayed for 24 hours.
 */
export default class extends BaseSchema {
  protected tableName = 'idempotency_keys'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('key', 255).notNullable()
      table.string('method', 10).notNullable()
      table.string('path', 500).notNullable()
      table.string('request_hash', 64).notNullable()
      table.integer('response_status').nullable()
      table.jsonb('response_body').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['user_id', 'key'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
