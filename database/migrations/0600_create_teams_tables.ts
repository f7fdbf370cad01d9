import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Teams (F1), their memberships with roles, and weekly check-ins (F3).
 *
 * - A team's access code is stored upper-case and matched upper-case, so
 *   joining is case-insensitive; replacing it makes the old one unusable at
 *   once because there is only ever one code per team.
 * - `member_count` is kept by the join/leave actions under the team row's
 *   lock, which is how two people taking the last seat get one seat between
 *   them; the CHECK makes overselling impossible even for a careless writer.
 * - A check-in's score is computed by the database (seed 003's generated
 *   column), and the unique (user, team, week) index is what refuses a
 *   second check-in in the same week, however many arrive at once.
 * - `bounties.team_id` becomes a real foreign key; deleting a team is done
 *   by an action that settles its bounties first, so the key restricts.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE TYPE team_role AS ENUM ('ADMIN', 'MODERATOR', 'MEMBER')`)

    this.schema.createTable('teams', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 100).notNullable()
      table.text('description').nullable()
      table.string('access_code', 12).notNullable().unique()
      table.boolean('is_private').notNullable().defaultTo(true)
      table.integer('max_members').notNullable().defaultTo(20)
      table.boolean('allow_member_invite').notNullable().defaultTo(false)
      table.string('timezone', 64).notNullable().defaultTo('UTC')
      table.integer('member_count').notNullable().defaultTo(0)
      table.uuid('created_by').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('max_members BETWEEN 2 AND 1000', [], 'teams_max_members_range')
      table.check('member_count BETWEEN 0 AND max_members', [], 'teams_member_count_within_limit')
    })
    this.schema.raw(`CREATE INDEX teams_listed_name ON teams (lower(name)) WHERE NOT is_private`)

    this.schema.createTable('team_memberships', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('team_id').notNullable().references('teams.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table
        .specificType('role', 'team_role')
        .notNullable()
        .defaultTo(this.raw(`'MEMBER'::team_role`))
      table.specificType('watch_level', 'watch_level').nullable()
      table.timestamp('joined_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['team_id', 'user_id'])
      table.index(['user_id', 'team_id'])
    })

    this.schema.createTable('check_ins', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('team_id').notNullable().references('teams.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.date('week_start').notNullable()
      table.smallint('productive').notNullable()
      table.smallint('satisfied').notNullable()
      table.smallint('body').notNullable()
      table.smallint('care').notNullable()
      table.text('note').nullable()
      table.boolean('is_private').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(
        'productive BETWEEN 1 AND 10 AND satisfied BETWEEN 1 AND 10 AND body BETWEEN 1 AND 10 AND care BETWEEN 1 AND 10',
        [],
        'check_ins_scores_range'
      )
      table.unique(['user_id', 'team_id', 'week_start'], {
        indexName: 'check_ins_one_per_week',
      })
      table.index(['team_id', 'week_start'])
    })
    this.schema.raw(
      `ALTER TABLE check_ins ADD COLUMN score smallint
         GENERATED ALWAYS AS (productive + satisfied + body - care) STORED`
    )

    this.schema.alterTable('bounties', (table) => {
      table.foreign('team_id').references('teams.id').onDelete('RESTRICT')
    })
  }

  async down() {
    this.schema.alterTable('bounties', (table) => {
      table.dropForeign('team_id')
    })
    this.schema.dropTable('check_ins')
    this.schema.dropTable('team_memberships')
    this.schema.dropTable('teams')
    this.schema.raw('DROP TYPE IF EXISTS team_role')
  }
}
