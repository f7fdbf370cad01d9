import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The weekly check-in reminder (F3): one row per team and week it was sent
 * for. The reminder job claims a team's week by inserting its row in the
 * transaction that stores the notifications, so a second run, a retry or a
 * second worker finds the week taken and tells nobody twice.
 */
export default class extends BaseSchema {
  protected tableName = 'check_in_reminders'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('team_id').notNullable().references('teams.id').onDelete('CASCADE')
      table.date('week_start').notNullable()
      table.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['team_id', 'week_start'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
