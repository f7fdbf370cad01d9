import { BaseTransformer } from '@adonisjs/core/transformers'
import type TeamInvitation from '#models/team_invitation'

/**
 * An invitation as its invitee and the team's inviters see it (`team`,
 * `invitee` and `inviter` loaded). A lapsed PENDING one reads EXPIRED.
 */
export default class TeamInvitationTransformer extends BaseTransformer<TeamInvitation> {
  toObject() {
    const invitation = this.resource
    const inviter = invitation.inviter
    return {
      id: invitation.id,
      team: { id: invitation.team.id, name: invitation.team.name },
      invitee: { id: invitation.invitee.id, username: invitation.invitee.username },
      inviter: inviter ? { id: inviter.id, username: inviter.username } : null,
      status: invitation.currentStatus,
      expiresAt: invitation.expiresAt.toUTC().toISO()!,
      respondedAt: invitation.respondedAt?.toUTC().toISO() ?? null,
      createdAt: invitation.createdAt.toUTC().toISO()!,
    }
  }
}
