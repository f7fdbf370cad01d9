import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Files (B6) on a bounty, a comment or a
 * submission; an upload that belongs to none yet is only its uploader's
 * (it is attached when a submission names it). `bounty_id` is set for
 * every attached file so access follows the bounty. The bytes live on the
 * private drive disk under `storage_key`; they are served only through
 * GET /files/:id.
 */
export default class extends BaseSchema {
  protected tableName = 'attachments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('bounty_id').nullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('comment_id').nullable().references('bounty_comments.id').onDelete('CASCADE')
      table.uuid('submission_id').nullable().references('bounty_submissions.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id')
      table.string('filename', 255).notNullable()
      table.string('storage_key', 255).notNullable().unique()
      table.integer('file_size').notNullable()
      table.string('mime_type', 100).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['bounty_id', 'created_at'])
      table.index(['comment_id'])
      table.index(['submission_id'])
      table.index(['user_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE attachments
        ADD CONSTRAINT attachments_size_range CHECK (file_size BETWEEN 1 AND 10485760),
        ADD CONSTRAINT attachments_owner_has_bounty CHECK (
          (comment_id IS NULL AND submission_id IS NULL) OR bounty_id IS NOT NULL
        )
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
