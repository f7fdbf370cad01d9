import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Streaks (E3) and away mode (K8). `activity_weeks` holds one row per member
 * and UTC week in which they completed, posted or checked in, with the
 * moment of the week's first activity; it is derived (recomputed by
 * `gamification:rebuild`). `away_periods` is what members declared: while
 * one is running they are not assigned nor nudged, and any week it touches
 * neither counts for nor breaks their streak.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('activity_weeks', (table) => {
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.date('week_start').notNullable()
      table.timestamp('first_at', { useTz: true }).notNullable()
      table.primary(['user_id', 'week_start'])
    })
    this.schema.createTable('away_periods', (table) => {
      table.bigIncrements('id')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('ends_at', { useTz: true }).notNullable()
      table.index(['user_id', 'ends_at'])
    })
    this.schema.raw(
      `ALTER TABLE away_periods ADD CONSTRAINT away_periods_at_most_four_weeks
         CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '28 days 1 hour')`
    )
  }

  async down() {
    this.schema.dropTable('away_periods')
    this.schema.dropTable('activity_weeks')
  }
}
