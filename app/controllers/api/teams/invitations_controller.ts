import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamInvitation from '#models/team_invitation'
import TeamPolicy from '#policies/team_policy'
import InviteMember from '#actions/invitations/invite_member'
import CloseInvitation from '#actions/invitations/close_invitation'
import { inviteMemberValidator } from '#validators/team'
import { serialize } from '#transformers/envelope'
import TeamInvitationTransformer from '#transformers/team_invitation_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * A team's invitations: the pending list, inviting by username, withdrawing.
 */
export default class InvitationsController {
  async index({ auth, params, request, bouncer }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const user = auth.use('api').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('viewInvitations', team)
    const pending = await TeamInvitation.pendingShownTo(team, user.id).paginate(page, limit)
    return serialize(TeamInvitationTransformer.paginate(pending.all(), pending.getMeta()))
  }

  async store({ auth, params, request, response, bouncer }: HttpContext) {
    const { username } = await request.validateUsing(inviteMemberValidator)
    const user = auth.use('api').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('invite', team)
    const invitation = await InviteMember.handle(user, team, username)
    response.status(201)
    return serialize(TeamInvitationTransformer.transform(invitation), {
      message: 'Invitation sent',
    })
  }

  async destroy({ auth, params, bouncer }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('api').getUserOrFail(), params.id)
    const invitation = await TeamInvitation.findInTeamOrFail(team.id, params.invitationId)
    await bouncer.with(TeamPolicy).authorize('withdrawInvitation', team, invitation)
    await CloseInvitation.handle(invitation, 'WITHDRAWN')
    return serialize(TeamInvitationTransformer.transform(invitation), {
      message: 'Invitation withdrawn',
    })
  }
}
