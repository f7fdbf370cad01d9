import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The member-facing history, with the balance before and after each line.
 * Each row is written in the same database
 * transaction as the ledger entry that moved its money; only a pending
 * row's status (and its review) changes afterwards.
 */
export default class extends BaseSchema {
  protected tableName = 'transactions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('users.id')
      table.bigInteger('entry_id').notNullable().references('ledger_entries.id')
      table.bigInteger('hold_id').nullable().references('ledger_holds.id')
      table.uuid('bounty_id').nullable()
      table
        .enum('type', ['EARN', 'SPEND', 'DEPOSIT', 'WITHDRAWAL'], {
          useNative: true,
          enumName: 'transaction_type',
        })
        .notNullable()
      table
        .enum('status', ['PENDING', 'COMPLETED', 'FAILED'], {
          useNative: true,
          enumName: 'transaction_status',
        })
        .notNullable()
        .defaultTo('PENDING')
      table.decimal('amount', 14, 2).notNullable()
      table.decimal('balance_before', 14, 2).notNullable()
      table.decimal('balance_after', 14, 2).notNullable()
      table.text('description').notNullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.uuid('reviewed_by_id').nullable().references('users.id')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.text('failure_reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['user_id', 'created_at'])
      table.index(['type', 'status', 'created_at'])
      table.index(['bounty_id'])
    })
    this.schema.raw(`
      ALTER TABLE transactions ADD CONSTRAINT transactions_amount_positive CHECK (amount > 0)
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS transaction_type')
    this.schema.raw('DROP TYPE IF EXISTS transaction_status')
  }
}
