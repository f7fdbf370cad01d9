import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { errors as vineErrors } from '@vinejs/vine'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import TeamInvitation from '#models/team_invitation'
import User from '#models/user'
import Notify from '#actions/notifications/notify'
import { TEAM_INVITATION_DAYS } from '#enums/team'

/**
 * Invites a member to a team by username (issue 19). Who may invite is
 * TeamPolicy.invite; this refuses what depends on the invitee: nobody by
 * that name (a field error on `username`), a closed
 * account, a member already in, a second open invitation. The team row is
 * locked so an invitation and a join of the same person do not cross.
 */
export default class InviteMember {
  static async handle(inviter: User, team: Team, username: string) {
    const invitee = await User.query()
      .withScopes((scopes) => scopes.named(username))
      .first()
    if (!invitee) {
      throw new vineErrors.E_VALIDATION_ERROR([
        { field: 'username', message: 'No member goes by that username', rule: 'exists' },
      ])
    }
    if (invitee.isDeleted || !invitee.isActive) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `@${invitee.username}’s account is closed: only active members can be invited`,
        { field: 'username' }
      )
    }
    const invitation = await db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      if (await locked.membershipOf(invitee.id, trx)) {
        throw new DomainError(
          'ALREADY_MEMBER',
          `@${invitee.username} is already in ${locked.name}`,
          {
            field: 'username',
          }
        )
      }
      await TeamInvitation.expireLapsed(trx, locked.id, invitee.id)
      const open = await TeamInvitation.query({ client: trx })
        .withScopes((scopes) => scopes.pending())
        .where({ team_id: locked.id, invitee_id: invitee.id })
        .first()
      if (open) {
        throw new DomainError(
          'ALREADY_INVITED',
          `@${invitee.username} already has an invitation to ${locked.name}`,
          { field: 'username' }
        )
      }
      const created = await TeamInvitation.create(
        {
          teamId: locked.id,
          inviteeId: invitee.id,
          inviterId: inviter.id,
          status: 'PENDING',
          expiresAt: DateTime.now().plus({ days: TEAM_INVITATION_DAYS }),
        },
        { client: trx }
      )
      await Notify.handle(
        {
          type: 'team.invited',
          recipients: [invitee],
          actor: inviter,
          title: `Join ${locked.name}?`,
          message: `@${inviter.username} invites you to the team ${locked.name}. The invitation stays open for ${TEAM_INVITATION_DAYS} days.`,
          url: urlFor('invitations.index'),
          data: { teamId: locked.id, invitationId: created.id },
          expiresAt: created.expiresAt,
        },
        trx
      )
      return created
    })
    invitation.$setRelated('team', team)
    invitation.$setRelated('invitee', invitee)
    invitation.$setRelated('inviter', inviter)
    return invitation
  }
}
