import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import TeamInvitationPolicy from '#policies/team_invitation_policy'
import AcceptInvitation from '#actions/invitations/accept_invitation'

/**
 * Accepting an invitation from My invitations or its notification.
 */
export default class AcceptancesController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const invitation = await TeamInvitation.findForInviteeOrFail(user.id, params.id)
    await bouncer.with(TeamInvitationPolicy).authorize('accept', invitation)
    await AcceptInvitation.handle(user, invitation)
    session.flash('success', `Welcome to ${invitation.team.name}!`)
    return response.redirect().toRoute('teams.show', { id: invitation.teamId })
  }
}
