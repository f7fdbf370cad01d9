import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invitations to a team (issue 19): a team's admin, moderator or (when the
 * team allows it) member invites another member by username; the invitee
 * accepts, declines or lets it expire, and the inviter or an admin may
 * withdraw it while it is pending.
 *
 * - The partial unique index allows one PENDING invitation per team and
 *   invitee, however many arrive at once; closed ones stay as history.
 * - An invitation past `expires_at` is expired even while its status still
 *   says PENDING: readers check the time, and inviting again first closes
 *   it as EXPIRED so the index lets the new one in.
 * - The inviter may be deleted later (SET NULL): the invitation stands.
 */
export default class extends BaseSchema {
  protected tableName = 'team_invitations'

  async up() {
    this.schema.raw(
      `CREATE TYPE team_invitation_status AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')`
    )
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('team_id').notNullable().references('teams.id').onDelete('CASCADE')
      table.uuid('invitee_id').notNullable().references('users.id').onDelete('CASCADE')
      table.uuid('inviter_id').nullable().references('users.id').onDelete('SET NULL')
      table
        .specificType('status', 'team_invitation_status')
        .notNullable()
        .defaultTo(this.raw(`'PENDING'::team_invitation_status`))
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('responded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('expires_at > created_at', [], 'team_invitations_expire_after_creation')
      table.index(['invitee_id', 'status'])
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX team_invitations_one_pending ON team_invitations (team_id, invitee_id)
         WHERE status = 'PENDING'`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS team_invitation_status')
  }
}
