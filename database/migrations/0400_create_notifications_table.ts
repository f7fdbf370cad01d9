import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Stored notifications (D1). Read state is `read_at` alone (an `is_read`
 * flag would repeat it); `emailed_at` is an "is sent" flag with a time, so
 * the digest never mails a notification twice. `actor_id` is who
 * caused it (null for the scheduler), `url` where it leads.
 */
export default class extends BaseSchema {
  protected tableName = 'notifications'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.uuid('actor_id').nullable().references('users.id').onDelete('SET NULL')
      table.string('type', 50).notNullable()
      table.string('title', 255).notNullable()
      table.text('message').notNullable()
      table.string('url', 500).nullable()
      table.jsonb('data').notNullable().defaultTo('{}')
      table.timestamp('read_at', { useTz: true }).nullable()
      table.timestamp('emailed_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
      CREATE INDEX notifications_expiring ON notifications (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX notifications_read ON notifications (read_at) WHERE read_at IS NOT NULL;
      CREATE INDEX notifications_digest ON notifications (created_at)
        WHERE read_at IS NULL AND emailed_at IS NULL;
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
