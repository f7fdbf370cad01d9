import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import TeamInvitation from '#models/team_invitation'
import { TEAM_INVITATION_DAYS } from '#enums/team'

/**
 * An open invitation (merge `teamId`, `inviteeId`, `inviterId`). States:
 * `lapsed` (sent 15 days ago and never answered: PENDING past its expiry),
 * `declined`.
 */
export const TeamInvitationFactory = factory
  .define(TeamInvitation, () => ({
    status: 'PENDING' as const,
    expiresAt: DateTime.now().plus({ days: TEAM_INVITATION_DAYS }),
  }))
  .state('lapsed', (invitation) => {
    invitation.createdAt = DateTime.now().minus({ days: TEAM_INVITATION_DAYS + 1 })
    invitation.expiresAt = DateTime.now().minus({ days: 1 })
  })
  .state('declined', (invitation) => {
    invitation.status = 'DECLINED'
    invitation.respondedAt = DateTime.now()
  })
  .build()
