import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The timeline of a bounty (B7): one row per event, with who caused it
 * (null for the scheduler) and what it carried. Append-only by convention:
 * the timeline is history. Watchers are notified of those events.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bounty_events', (table) => {
      table.bigIncrements('id')
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('actor_id').nullable().references('users.id')
      table.string('type', 32).notNullable()
      table.jsonb('data').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['bounty_id', 'id'])
      table.index(['type', 'created_at'])
    })

    this.schema.createTable('bounty_watchers', (table) => {
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['bounty_id', 'user_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable('bounty_watchers')
    this.schema.dropTable('bounty_events')
  }
}
