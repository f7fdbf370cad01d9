import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Watch levels (K10) on bounties and tags. A `bounty_watchers` row without a
 * level choice means watching, as it did before levels existed; `normal` is
 * the absence of a row, so only `watching` and `muted` are stored.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE TYPE watch_level AS ENUM ('watching', 'muted')`)
    this.schema.alterTable('bounty_watchers', (table) => {
      table
        .specificType('level', 'watch_level')
        .notNullable()
        .defaultTo(this.raw(`'watching'::watch_level`))
    })

    this.schema.createTable('tag_watchers', (table) => {
      table.uuid('tag_id').notNullable().references('tags.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.specificType('level', 'watch_level').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tag_id', 'user_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable('tag_watchers')
    this.schema.alterTable('bounty_watchers', (table) => {
      table.dropColumn('level')
    })
    this.schema.raw('DROP TYPE IF EXISTS watch_level')
  }
}
