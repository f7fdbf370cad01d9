import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What each member has completed, earned and scored, per UTC week, per UTC
 * month and in all (E1, E4): the aggregate leaderboards and levels read, so
 * no page sums the ledger. Rows are kept up to date in the transaction that
 * pays a completion (`MemberTotals.recordCompletion`) and can be recomputed
 * from the ledger at any time (`MemberTotals.rebuild`, run by
 * `gamification:rebuild`). The all-time row uses period_start 1970-01-01.
 */
export default class extends BaseSchema {
  protected tableName = 'member_totals'

  async up() {
    this.schema.raw(`CREATE TYPE totals_period AS ENUM ('WEEK', 'MONTH', 'ALL')`)
    this.schema.createTable(this.tableName, (table) => {
      table.specificType('period', 'totals_period').notNullable()
      table.date('period_start').notNullable()
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.decimal('earnings', 14, 2).notNullable().defaultTo(0)
      table.integer('completions').notNullable().defaultTo(0)
      table.integer('points').notNullable().defaultTo(0)
      table.primary(['period', 'period_start', 'user_id'])
      table.index(['user_id'])
    })
    for (const metric of ['earnings', 'completions', 'points']) {
      this.schema.raw(
        `CREATE INDEX member_totals_by_${metric} ON member_totals (period, period_start, ${metric} DESC)`
      )
    }
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS totals_period')
  }
}
