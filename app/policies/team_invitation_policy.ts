import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type TeamInvitation from '#models/team_invitation'
import type User from '#models/user'

/**
 * What the invitee does with an invitation (docs/permissions.md "Team
 * invitations"). Controllers load it through `findForInviteeOrFail`, so an
 * invitation addressed to someone else is a 404 before any rule here; the
 * rules stay for the page buttons and as the second check.
 */
export default class TeamInvitationPolicy extends BasePolicy {
  /**
   * Accepting joins the team, which needs a verified address, as joining
   * by code does.
   */
  accept(user: User, invitation: TeamInvitation): AuthorizerResponse {
    if (invitation.inviteeId !== user.id) return AuthorizationResponse.deny('Not found', 404)
    return (
      user.isVerified ||
      AuthorizationResponse.deny(
        'Verify your email address first: unverified accounts can only browse',
        403
      )
    )
  }

  decline(user: User, invitation: TeamInvitation): AuthorizerResponse {
    return invitation.inviteeId === user.id || AuthorizationResponse.deny('Not found', 404)
  }
}
