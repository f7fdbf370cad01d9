import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Badges (E2): the catalogue, each with the criteria members are shown, and
 * who earned which when. A member holds a badge at most once, which the
 * primary key of `member_badges` guarantees however many events race to
 * grant it. Automatic badges are created here, by code, and granted by the
 * app (`app/gamification/badges.ts`); admins add badges of their own and
 * grant those by hand (`granted_by`).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('badges', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('code', 40).notNullable().unique()
      table.string('name', 60).notNullable()
      table.string('description', 300).notNullable()
      table.boolean('is_automatic').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.createTable('member_badges', (table) => {
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.uuid('badge_id').notNullable().references('badges.id').onDelete('CASCADE')
      table.timestamp('awarded_at', { useTz: true }).notNullable()
      table.uuid('granted_by').nullable().references('users.id').onDelete('SET NULL')
      table.primary(['user_id', 'badge_id'])
      table.index(['badge_id'])
    })
    this.defer(async (db) => {
      await db.table('badges').multiInsert(AUTOMATIC)
    })
  }

  async down() {
    this.schema.dropTable('member_badges')
    this.schema.dropTable('badges')
  }
}

/**
 * The automatic badges as first written; their criteria live in code, and
 * admins may reword their names and descriptions afterwards.
 */
const AUTOMATIC = [
  ['first_completion', 'First bounty', 'Completed a first bounty: work approved and paid.'],
  ['ten_completions', 'Ten bounties', 'Completed ten bounties.'],
  ['fifty_completions', 'Fifty bounties', 'Completed fifty bounties.'],
  ['first_post', 'First post', 'Published a first bounty on the board.'],
  [
    'four_week_streak',
    'Four-week streak',
    'Active four weeks in a row: completed, posted or checked in every week (weeks away do not break it).',
  ],
  [
    'top_earner_month',
    'Top earner of a month',
    'Earned the most from bounties in a calendar month (UTC), granted once the month is over.',
  ],
  ['first_tip', 'First tip', 'Sent a first tip to another member.'],
  ['first_checkin', 'First check-in', 'Checked in with a team for the first time.'],
].map(([code, name, description]) => ({ code, name, description, is_automatic: true }))
