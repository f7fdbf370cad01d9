import { TeamMembershipSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Team from '#models/team'
import User from '#models/user'
import type { TeamRole } from '#enums/team'
import type { StoredWatchLevel, WatchLevel } from '#enums/notification'

/**
 * A member's place in a team: their role and their watch level on the
 * team's bounties (K10; null is `normal`). One per (team, user).
 */
export default class TeamMembership extends TeamMembershipSchema {
  @column()
  declare role: TeamRole

  @column()
  declare watchLevel: StoredWatchLevel | null

  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  get isAdmin() {
    return this.role === 'ADMIN'
  }

  get isModerator() {
    return this.role === 'MODERATOR'
  }

  /**
   * ADMINs and MODERATORs run the team's day to day (remove members, see
   * the access code).
   */
  get canModerate() {
    return this.role === 'ADMIN' || this.role === 'MODERATOR'
  }

  static of(teamId: string, userId: string | null | undefined, client?: QueryClientContract) {
    if (!userId) return Promise.resolve(null)
    return TeamMembership.ofMember(teamId, userId, client).first()
  }

  /**
   * The one row of `userId` in the team, as a query.
   */
  static ofMember(teamId: string, userId: string, client?: QueryClientContract) {
    return TeamMembership.query(client ? { client } : {})
      .where('team_id', teamId)
      .where('user_id', userId)
  }

  /**
   * A member of the team with their account, or a 404.
   */
  static findInTeamOrFail(teamId: string, userId: string) {
    return TeamMembership.ofMember(teamId, userId).preload('user').firstOrFail()
  }

  /**
   * A page of the team's members: admins first, then moderators, then by
   * when they joined (the team_role enum sorts in its declared order).
   */
  static listOf(teamId: string, page: number, limit: number) {
    return TeamMembership.query()
      .where('team_id', teamId)
      .preload('user')
      .orderBy('role')
      .orderBy('joined_at')
      .orderBy('user_id')
      .paginate(page, limit)
  }

  /**
   * Members watching and members who muted the team's new bounties (K10).
   */
  static async audienceOf(teamId: string, client?: QueryClientContract) {
    const watching = new Set<string>()
    const muted = new Set<string>()
    const rows = await TeamMembership.query(client ? { client } : {})
      .where('team_id', teamId)
      .whereNotNull('watch_level')
    for (const row of rows) (row.watchLevel === 'muted' ? muted : watching).add(row.userId)
    return { watching, muted }
  }

  /**
   * The member's own membership, looked up as the access check of what
   * only members do (their watch level): anyone else gets a 404.
   */
  static ofOrFail(teamId: string, userId: string) {
    return TeamMembership.ofMember(teamId, userId).firstOrFail()
  }

  /**
   * `normal` is stored as null: only the team's new bounties that concern
   * the member reach them, as for any bounty.
   */
  async setWatchLevel(level: WatchLevel) {
    this.watchLevel = level === 'normal' ? null : level
    await this.save()
  }

  get watchLevelOrNormal(): WatchLevel {
    return this.watchLevel ?? 'normal'
  }
}
