import { randomInt } from 'node:crypto'
import { TeamSchema } from '#database/schema'
import { hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import TeamMembership from '#models/team_membership'
import CheckIn from '#models/check_in'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'

type TeamQuery = ModelQueryBuilderContract<typeof Team>

/**
 * Access codes use letters and digits nobody confuses when reading one
 * aloud or off a screen (no 0/O, 1/I/L).
 */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const ACCESS_CODE_LENGTH = 8

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
   * The role of the member the team was loaded for (`ofMember`), or null.
   */
  get viewerRole(): TeamRole | null {
    return (this.$extras.viewer_role as TeamRole | undefined) ?? null
  }

  get viewerIsAdmin() {
    return this.viewerRole === 'ADMIN'
  }

  get viewerCanModerate() {
    return this.viewerRole === 'ADMIN' || this.viewerRole === 'MODERATOR'
  }

  /**
   * The member's membership of this team, or null when they are not in it.
   */
  membershipOf(userId: string | null | undefined, client?: QueryClientContract) {
    return TeamMembership.of(this.id, userId, client)
  }

  /**
   * Adds a member to a team locked in its transaction (`lockForUpdate`),
   * keeping the member count with it.
   */
  async addMember(userId: string, role: TeamRole = 'MEMBER') {
    const membership = await TeamMembership.create(
      { teamId: this.id, userId, role },
      { client: this.$trx }
    )
    this.memberCount += 1
    await this.save()
    return membership
  }

  /**
   * Takes a member out of a team locked in its transaction.
   */
  async dropMember(membership: TeamMembership) {
    await membership.useTransaction(this.$trx!).delete()
    this.memberCount -= 1
    await this.save()
  }

  /**
   * How many ADMINs the team has: the last one may not go.
   */
  async adminCount() {
    const [row] = await (this.$trx ?? db.connection())
      .from('team_memberships')
      .where({ team_id: this.id, role: 'ADMIN' })
      .count('* as total')
    return Number(row.total)
  }

  /**
   * Teams the member belongs to, each carrying the member's role: loading a
   * team this way is itself the check that they may see it.
   */
  static ofMember = scope<typeof Team, (query: TeamQuery, userId: string) => void>(
    (query, userId) => {
      query
        .join('team_memberships', 'team_memberships.team_id', 'teams.id')
        .where('team_memberships.user_id', userId)
        .select('teams.*', 'team_memberships.role as viewer_role')
    }
  )

  /**
   * A team of the member's, or a 404 for anyone else: outsiders cannot tell
   * a team they are not in from one that does not exist.
   */
  static findForMemberOrFail(user: { id: string }, id: string) {
    return Team.query()
      .withScopes((scopes) => scopes.ofMember(user.id))
      .where('teams.id', id)
      .firstOrFail()
  }

  /**
   * A page of the member's teams, by name.
   */
  static listFor(user: { id: string }, page: number, limit: number) {
    return Team.query()
      .withScopes((scopes) => scopes.ofMember(user.id))
      .orderByRaw('lower(teams.name)')
      .orderBy('teams.id')
      .paginate(page, limit)
  }

  /**
   * Locks the team row: joins, leaves, role changes and deletion of one
   * team queue here, so the member count and "the last admin" are read
   * and changed by one of them at a time.
   */
  static async lockForUpdate(trx: TransactionClientContract, id: string) {
    const team = await Team.query({ client: trx }).where('id', id).forUpdate().first()
    if (!team) throw new DomainError('NOT_FOUND', 'This team no longer exists')
    return team
  }

  /**
   * The team an access code opens, locked; codes match in any case.
   */
  static async lockByCode(trx: TransactionClientContract, code: string) {
    const team = await Team.query({ client: trx })
      .where('access_code', code.trim().toUpperCase())
      .forUpdate()
      .first()
    if (!team) {
      throw new DomainError('NOT_FOUND', 'No team has this access code', { field: 'accessCode' })
    }
    return team
  }

  /**
   * Runs `write` with a new random code until one is not taken. Each try
   * is a savepoint, so a clash on the unique index costs only that try.
   */
  static async withFreshCode<T>(
    trx: TransactionClientContract,
    write: (code: string, client: TransactionClientContract) => Promise<T>
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const savepoint = await trx.transaction()
      try {
        const result = await write(Team.newAccessCode(), savepoint)
        await savepoint.commit()
        return result
      } catch (error) {
        await savepoint.rollback()
        if (attempt >= 5 || !isAccessCodeClash(error)) throw error
      }
    }
  }

  static newAccessCode() {
    let code = ''
    for (let i = 0; i < ACCESS_CODE_LENGTH; i++) {
      code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)]
    }
    return code
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

function isAccessCodeClash(error: unknown) {
  const { code, constraint } = error as { code?: string; constraint?: string }
  return code === '23505' && constraint === 'teams_access_code_unique'
}
