import { TeamSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import TeamMembership from '#models/team_membership'
import CheckIn from '#models/check_in'
import type User from '#models/user'

/**
 * A team (F1): members with roles, an access code to join, a member limit
 * and a timezone that says when its check-in weeks start (F3).
 */
export default class Team extends TeamSchema {
  @hasMany(() => TeamMembership)
  declare memberships: HasMany<typeof TeamMembership>

  @hasMany(() => CheckIn)
  declare checkIns: HasMany<typeof CheckIn>

  get isFull() {
    return this.memberCount >= this.maxMembers
  }

  /**
   * The member's membership of this team, or null when they are not in it.
   */
  membershipOf(userId: string | null | undefined, client?: QueryClientContract) {
    return TeamMembership.of(this.id, userId, client)
  }

  /**
   * The ids of the teams a member belongs to.
   */
  static async idsOf(userId: string, client: QueryClientContract = db.connection()) {
    const rows = await client.from('team_memberships').where('user_id', userId).select('team_id')
    return rows.map((row) => row.team_id as string)
  }

  /**
   * Of `userIds`, those who may see the team's bounties (`Bounty.visibleTo`):
   * its members and Corps admins. A team bounty's notifications go to
   * nobody else, whatever they watch.
   */
  static async bountyAudienceAmong(
    teamId: string,
    userIds: string[],
    client: QueryClientContract = db.connection()
  ) {
    if (userIds.length === 0) return new Set<string>()
    const rows = await client
      .from('users')
      .whereIn('users.id', userIds)
      .where((allowed) =>
        allowed
          .where('users.role', 'OYAKATASAMA')
          .orWhereExists((member) =>
            member
              .from('team_memberships')
              .whereColumn('team_memberships.user_id', 'users.id')
              .where('team_memberships.team_id', teamId)
          )
      )
      .select('users.id')
    return new Set(rows.map((row: { id: string }) => row.id))
  }

  /**
   * A team as its board shows it: to its members and Corps admins, who may
   * see its bounties (`Bounty.visibleTo`); to anyone else it does not
   * exist (404), its name included.
   */
  static findVisibleOrFail(viewer: User | null, id: string) {
    return Team.query()
      .where('id', id)
      .if(!viewer?.isAdmin, (query) => query.whereIn('id', teamIdsOf(viewer?.id ?? null)))
      .firstOrFail()
  }

  /**
   * The member's teams by name: where they may post a bounty.
   */
  static joinedBy(userId: string) {
    return Team.query().whereIn('id', teamIdsOf(userId)).orderBy('name')
  }
}

function teamIdsOf(userId: string | null) {
  const ids = db.from('team_memberships').select('team_id')
  return userId ? ids.where('user_id', userId) : ids.whereRaw('false')
}
