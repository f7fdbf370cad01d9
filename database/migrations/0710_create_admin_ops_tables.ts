import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What the admin console (I1, I4, I5) needs from the schema:
 *
 * - `ledger_verifications`: each `ledger:verify` run (command, nightly
 *   schedule or an admin's "Verify now"), so pages show the last result
 *   instead of recomputing the whole ledger on every view. A row is queued
 *   (no `started_at`), running (no `finished_at`) or finished.
 * - `ledger_entries (created_at)`: the ledger explorer's date range reads a
 *   range of entries, never the table; `ledger_postings (account_id,
 *   entry_id)`: an account's entries, newest first, from the index alone.
 * - `categories.position` orders the list admins arrange; `retired_at`
 *   hides a category from new bounties while old ones keep it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ledger_verifications', (table) => {
      table.bigIncrements('id')
      table.string('source', 16).notNullable()
      table.uuid('requested_by_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('started_at', { useTz: true }).nullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.integer('duration_ms').nullable()
      table.boolean('ok').nullable()
      table.integer('problem_count').notNullable().defaultTo(0)
      table.jsonb('problems').notNullable().defaultTo('[]')
      table.integer('accounts_counted').nullable()
      table.integer('entries_counted').nullable()
      table.integer('postings_counted').nullable()
      table.text('error').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE ledger_verifications ADD CONSTRAINT ledger_verifications_source CHECK (
        source IN ('command', 'schedule', 'admin')
      );
      CREATE INDEX ledger_verifications_finished ON ledger_verifications (finished_at DESC, id DESC)
        WHERE finished_at IS NOT NULL;
      CREATE INDEX ledger_entries_created_at ON ledger_entries (created_at, id);
    `)

    this.schema.alterTable('categories', (table) => {
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('retired_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('categories', (table) => {
      table.dropColumn('position')
      table.dropColumn('retired_at')
    })
    this.schema.raw('DROP INDEX IF EXISTS ledger_entries_created_at')
    this.schema.dropTable('ledger_verifications')
  }
}
