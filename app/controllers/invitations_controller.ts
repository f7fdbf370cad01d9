import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import User from '#models/user'

/**
 * My invitations: the teams that invited me and are waiting for an answer.
 */
export default class InvitationsController {
  async index({ auth, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const invitations = await TeamInvitation.pendingFor(user.id)
    await User.showNamesTo(
      user,
      invitations.map((invitation) => invitation.inviter)
    )
    return view.render('pages/invitations/index', { invitations })
  }
}
