import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import TeamInvitationPolicy from '#policies/team_invitation_policy'
import CloseInvitation from '#actions/invitations/close_invitation'

/**
 * Declining an invitation from My invitations or its notification.
 */
export default class DeclinesController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const invitation = await TeamInvitation.findForInviteeOrFail(user.id, params.id)
    await bouncer.with(TeamInvitationPolicy).authorize('decline', invitation)
    await CloseInvitation.handle(invitation, 'DECLINED')
    session.flash('success', `You declined the invitation to ${invitation.team.name}.`)
    return response.redirect().back()
  }
}
