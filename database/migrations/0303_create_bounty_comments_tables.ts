import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Comments (B6). `content` is the author's
 * markdown; `content_html` its sanitised rendering, made once on write.
 * Mentions record every `@username` a comment names, for notifications
 * (`notified_at` is set by whoever delivers them).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bounty_comments', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id')
      table.text('content').notNullable()
      table.text('content_html').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['bounty_id', 'created_at'])
    })

    this.schema.createTable('bounty_mentions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('comment_id').notNullable().references('bounty_comments.id').onDelete('CASCADE')
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.uuid('mentioned_by_id').notNullable().references('users.id')
      table.timestamp('notified_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['comment_id', 'user_id'])
      table.index(['user_id', 'created_at'])
    })
    this.schema.raw(`
      CREATE INDEX bounty_mentions_pending ON bounty_mentions (created_at) WHERE notified_at IS NULL
    `)
  }

  async down() {
    this.schema.dropTable('bounty_mentions')
    this.schema.dropTable('bounty_comments')
  }
}
