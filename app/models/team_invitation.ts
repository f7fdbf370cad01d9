import { DateTime } from 'luxon'
import { TeamInvitationSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import User from '#models/user'
import type { TeamInvitationStatus } from '#enums/team'

type InvitationQuery = ModelQueryBuilderContract<typeof TeamInvitation>

/**
 * An invitation to join a team (issue 19). Its status only moves away from
 * PENDING; past `expires_at` it counts as expired whatever the status
 * column still says, so no job has to run before an old one stops working.
 */
export default class TeamInvitation extends TeamInvitationSchema {
  @column()
  declare status: TeamInvitationStatus

  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => User, { foreignKey: 'inviteeId' })
  declare invitee: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'inviterId' })
  declare inviter: BelongsTo<typeof User>

  get isExpired() {
    return (
      this.status === 'EXPIRED' || (this.status === 'PENDING' && this.expiresAt <= DateTime.now())
    )
  }

  get isPending() {
    return this.status === 'PENDING' && !this.isExpired
  }

  /**
   * The status as people should read it: a lapsed PENDING one is EXPIRED.
   */
  get currentStatus(): TeamInvitationStatus {
    return this.isExpired ? 'EXPIRED' : this.status
  }

  /**
   * Invitations still open: PENDING and not past their expiry.
   */
  static pending = scope((query: InvitationQuery) => {
    query
      .where('team_invitations.status', 'PENDING')
      .whereRaw('team_invitations.expires_at > now()')
  })

  /**
   * The member's open invitations, newest first, with their teams and
   * inviters.
   */
  static pendingFor(userId: string) {
    return TeamInvitation.query()
      .withScopes((scopes) => scopes.pending())
      .where('invitee_id', userId)
      .preload('team')
      .preload('invitee')
      .preload('inviter')
      .orderBy('created_at', 'desc')
      .orderBy('id')
  }

  /**
   * A team's open invitations as the member sees them, newest first: all
   * of them for its admins, those they sent for anyone else
   * (TeamPolicy.viewInvitations). `team` is loaded through `Team.ofMember`.
   */
  static pendingShownTo(team: Team, viewerId: string) {
    return TeamInvitation.query()
      .withScopes((scopes) => scopes.pending())
      .where('team_id', team.id)
      .if(!team.viewerIsAdmin, (query) => query.where('inviter_id', viewerId))
      .preload('invitee')
      .preload('inviter')
      .preload('team')
      .orderBy('created_at', 'desc')
      .orderBy('id')
  }

  /**
   * Of the invitations these notifications of the member name, the ids of
   * those still open: their notifications offer Accept and Decline.
   */
  static async openAmong(userId: string, notifications: { data: Record<string, unknown> }[]) {
    const ids = notifications
      .map((notification) => notification.data.invitationId)
      .filter((id): id is string => typeof id === 'string')
    if (ids.length === 0) return new Set<string>()
    const open = await TeamInvitation.query()
      .withScopes((scopes) => scopes.pending())
      .where('invitee_id', userId)
      .whereIn('id', ids)
      .select('id')
    return new Set(open.map((invitation) => invitation.id))
  }

  /**
   * An invitation addressed to the member, or a 404: nobody else can tell
   * it exists.
   */
  static findForInviteeOrFail(userId: string, id: string) {
    return TeamInvitation.query()
      .where('id', id)
      .where('invitee_id', userId)
      .preload('team')
      .preload('invitee')
      .preload('inviter')
      .firstOrFail()
  }

  /**
   * One of the team's invitations, or a 404.
   */
  static findInTeamOrFail(teamId: string, id: string) {
    return TeamInvitation.query()
      .where('id', id)
      .where('team_id', teamId)
      .preload('invitee')
      .preload('inviter')
      .preload('team')
      .firstOrFail()
  }

  /**
   * The invitation locked in `trx`, refused unless it is still open: the
   * answer and a withdrawal queue here, so only one of them closes it.
   */
  static async lockPending(trx: TransactionClientContract, id: string) {
    const invitation = await TeamInvitation.query({ client: trx })
      .where('id', id)
      .forUpdate()
      .firstOrFail()
    if (invitation.isPending) return invitation
    if (invitation.isExpired) {
      throw new DomainError('INVALID_TRANSITION', 'This invitation has expired: ask for a new one')
    }
    throw new DomainError(
      'INVALID_TRANSITION',
      `This invitation was already ${invitation.status.toLowerCase()}`
    )
  }

  /**
   * Closes without a seat an invitation loaded in its transaction (joining
   * closes it through `acceptOnJoin`; lapsing, through `expireLapsed`).
   */
  async close(status: 'DECLINED' | 'WITHDRAWN') {
    this.status = status
    this.respondedAt = DateTime.now()
    await this.save()
  }

  /**
   * The member has just taken a seat in the team (by code or by accepting):
   * their open invitation to it, if any, is answered by that.
   */
  static acceptOnJoin(trx: TransactionClientContract, teamId: string, inviteeId: string) {
    const now = DateTime.now().toSQL()
    return trx
      .from('team_invitations')
      .where({ team_id: teamId, invitee_id: inviteeId, status: 'PENDING' })
      .whereRaw('expires_at > now()')
      .update({ status: 'ACCEPTED', responded_at: now, updated_at: now })
  }

  /**
   * Marks the team's lapsed PENDING invitation of the invitee EXPIRED, so
   * the one-pending index lets a new invitation in.
   */
  static expireLapsed(trx: TransactionClientContract, teamId: string, inviteeId: string) {
    return trx
      .from('team_invitations')
      .where({ team_id: teamId, invitee_id: inviteeId, status: 'PENDING' })
      .whereRaw('expires_at <= now()')
      .update({ status: 'EXPIRED', updated_at: DateTime.now().toSQL() })
  }
}
