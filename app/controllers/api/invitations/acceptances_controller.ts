import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import TeamInvitationPolicy from '#policies/team_invitation_policy'
import AcceptInvitation from '#actions/invitations/accept_invitation'
import { serialize } from '#transformers/envelope'
import TeamInvitationTransformer from '#transformers/team_invitation_transformer'

/**
 * POST /invitations/:id/accept: the invitee joins the team.
 */
export default class AcceptancesController {
  async store({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const invitation = await TeamInvitation.findForInviteeOrFail(user.id, params.id)
    await bouncer.with(TeamInvitationPolicy).authorize('accept', invitation)
    const accepted = await AcceptInvitation.handle(user, invitation)
    return serialize(TeamInvitationTransformer.transform(accepted), {
      message: `Welcome to ${accepted.team.name}`,
    })
  }
}
