import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Team from '#models/team'
import type TeamMembership from '#models/team_membership'
import type TeamInvitation from '#models/team_invitation'
import type User from '#models/user'

/**
 * Who may do what in a team: docs/permissions.md "Teams" is this file as a
 * table. Controllers load a team through `Team.findForMemberOrFail`, so a
 * team the caller is not in is a 404 before any rule here runs, and
 * `team.viewerRole` is the caller's role in it.
 */
const VERIFY_FIRST = 'Verify your email address first: unverified accounts can only browse'

export default class TeamPolicy extends BasePolicy {
  create(user: User): AuthorizerResponse {
    return user.isVerified || deny(VERIFY_FIRST)
  }

  join(user: User): AuthorizerResponse {
    return user.isVerified || deny(VERIFY_FIRST)
  }

  /**
   * Team pages and records are for its members; anyone else cannot tell
   * the team exists.
   */
  view(_user: User, team: Team): AuthorizerResponse {
    return team.viewerRole !== null || AuthorizationResponse.deny('Not found', 404)
  }

  update(_user: User, team: Team): AuthorizerResponse {
    return team.viewerIsAdmin || deny('Only the team’s admins can change its settings')
  }

  delete(_user: User, team: Team): AuthorizerResponse {
    return team.viewerIsAdmin || deny('Only the team’s admins can delete it')
  }

  /**
   * Replacing the access code locks out whoever holds the old one.
   */
  manageCode(_user: User, team: Team): AuthorizerResponse {
    return team.viewerIsAdmin || deny('Only the team’s admins can replace its access code')
  }

  viewCode(_user: User, team: Team): AuthorizerResponse {
    return team.viewerCanModerate || deny('Only the team’s admins and moderators see its code')
  }

  /**
   * Admins and moderators remove members; a moderator never removes an
   * admin, and nobody removes themselves this way (they leave).
   */
  removeMember(user: User, team: Team, target: TeamMembership): AuthorizerResponse {
    if (target.userId === user.id) return deny('To go, leave the team instead')
    if (!team.viewerCanModerate) {
      return deny('Only the team’s admins and moderators can remove members')
    }
    return !target.isAdmin || team.viewerIsAdmin || deny('A moderator cannot remove an admin')
  }

  changeRole(_user: User, team: Team): AuthorizerResponse {
    return team.viewerIsAdmin || deny('Only the team’s admins can change roles')
  }

  /**
   * Admins and moderators invite people; members too when the team's
   * settings allow member invites (`allow_member_invite`).
   */
  invite(_user: User, team: Team): AuthorizerResponse {
    if (team.viewerCanModerate) return true
    if (team.viewerRole === null) return AuthorizationResponse.deny('Not found', 404)
    return (
      team.allowMemberInvite ||
      deny('Only the team’s admins and moderators can invite people to this team')
    )
  }

  /**
   * The team's open invitations: admins see them all, anyone else who may
   * invite sees those they sent (`TeamInvitation.pendingShownTo`).
   */
  viewInvitations(user: User, team: Team): AuthorizerResponse {
    return this.invite(user, team)
  }

  /**
   * A pending invitation is withdrawn by whoever sent it or by a team admin.
   */
  withdrawInvitation(user: User, team: Team, invitation: TeamInvitation): AuthorizerResponse {
    if (team.viewerRole === null) return AuthorizationResponse.deny('Not found', 404)
    return (
      team.viewerIsAdmin ||
      invitation.inviterId === user.id ||
      deny('Only the member who sent an invitation, or a team admin, can withdraw it')
    )
  }

  /**
   * Every member may leave (LeaveTeam keeps the last admin in).
   */
  leave(_user: User, team: Team): AuthorizerResponse {
    return team.viewerRole !== null || AuthorizationResponse.deny('Not found', 404)
  }
}

function deny(message: string) {
  return AuthorizationResponse.deny(message, 403)
}
