import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import User from '#models/user'
import { readFilters } from '#validators/rules/filters'
import { listPageValidator } from '#validators/rules/pagination'

const PER_PAGE = 20

/**
 * My invitations: the teams that invited me and are waiting for an answer.
 */
export default class InvitationsController {
  async index({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { filters } = await readFilters(listPageValidator, request.qs(), ['page'])
    const invitations = await TeamInvitation.pendingFor(user.id).paginate(
      filters.page ?? 1,
      PER_PAGE
    )
    invitations.baseUrl(request.url())
    await User.showNamesTo(
      user,
      invitations.all().map((invitation) => invitation.inviter)
    )
    return view.render('pages/invitations/index', { invitations })
  }
}
