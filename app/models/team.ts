import { TeamSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import TeamMembership from '#models/team_membership'
import CheckIn from '#models/check_in'

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
}
