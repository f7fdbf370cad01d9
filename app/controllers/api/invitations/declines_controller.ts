import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import TeamInvitationPolicy from '#policies/team_invitation_policy'
import CloseInvitation from '#actions/invitations/close_invitation'
import { serialize } from '#transformers/envelope'
import TeamInvitationTransformer from '#transformers/team_invitation_transformer'

/**
 * POST /invitations/:id/decline: the invitee says no.
 */
export default class DeclinesController {
  async store({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const invitation = await TeamInvitation.findForInviteeOrFail(user.id, params.id)
    await bouncer.with(TeamInvitationPolicy).authorize('decline', invitation)
    await CloseInvitation.handle(invitation, 'DECLINED')
    return serialize(TeamInvitationTransformer.transform(invitation), {
      message: 'Invitation declined',
    })
  }
}
