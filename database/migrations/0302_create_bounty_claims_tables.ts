import { BaseSchema } from '@adonisjs/lucid/schema'
import { CLAIM_STATUSES, SUBMISSION_REVIEWS } from '#enums/bounty'

/**
 * Who works on a bounty (B3, B4, K2). Each claim takes one slot, is
 * reviewed and paid on its own; a member holds at most one live or
 * completed claim per bounty (the partial unique index is the last line of
 * defence behind the row lock the actions take on the bounty).
 *
 * A submission is one delivery of work (a note plus attachments) and its
 * review: approved, or changes requested with a reason.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bounty_claims', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id')
      table.uuid('assigned_by_id').nullable().references('users.id')
      table
        .enum('status', [...CLAIM_STATUSES], { useNative: true, enumName: 'bounty_claim_status' })
        .notNullable()
        .defaultTo('IN_PROGRESS')
      table.timestamp('last_activity_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('nudged_at', { useTz: true }).nullable()
      table.timestamp('submitted_at', { useTz: true }).nullable()
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('ended_at', { useTz: true }).nullable()
      table.bigInteger('payout_entry_id').nullable().references('ledger_entries.id')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['bounty_id', 'status'])
      table.index(['user_id', 'status'])
    })
    this.schema.raw(`
      CREATE UNIQUE INDEX bounty_claims_one_per_member ON bounty_claims (bounty_id, user_id)
        WHERE status IN ('IN_PROGRESS', 'REVIEW', 'COMPLETED');
      CREATE INDEX bounty_claims_stale ON bounty_claims (last_activity_at)
        WHERE status = 'IN_PROGRESS';
      ALTER TABLE bounty_claims ADD CONSTRAINT bounty_claims_paid_when_completed
        CHECK ((status = 'COMPLETED') = (payout_entry_id IS NOT NULL));
    `)

    this.schema.createTable('bounty_submissions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('claim_id').notNullable().references('bounty_claims.id').onDelete('CASCADE')
      table.uuid('bounty_id').notNullable().references('bounties.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id')
      table.text('note').notNullable()
      table.text('note_html').notNullable()
      table
        .enum('review', [...SUBMISSION_REVIEWS], {
          useNative: true,
          enumName: 'bounty_submission_review',
        })
        .notNullable()
        .defaultTo('PENDING')
      table.text('review_reason').nullable()
      table.uuid('reviewed_by_id').nullable().references('users.id')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['bounty_id', 'created_at'])
      table.index(['claim_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('bounty_submissions')
    this.schema.dropTable('bounty_claims')
    this.schema.raw('DROP TYPE IF EXISTS bounty_submission_review')
    this.schema.raw('DROP TYPE IF EXISTS bounty_claim_status')
  }
}
