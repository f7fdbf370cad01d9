import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What a key's request did, written in the same statement as its movement
 * (a tip's SPEND line): a retry after a crash that lost the stored response
 * finds it there instead of moving money again.
 */
export default class extends BaseSchema {
  protected tableName = 'idempotency_keys'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('outcome_id').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('outcome_id')
    })
  }
}
