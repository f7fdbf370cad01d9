import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamInvitation from '#models/team_invitation'
import User from '#models/user'
import TeamPolicy from '#policies/team_policy'
import InviteMember from '#actions/invitations/invite_member'
import CloseInvitation from '#actions/invitations/close_invitation'
import { inviteMemberValidator } from '#validators/team'
import { readFilters } from '#validators/rules/filters'
import { listPageValidator } from '#validators/rules/pagination'

const PER_PAGE = 20

/**
 * A team's pending invitations (all of them for its admins, their own for
 * other inviters), the invite form's target, and withdrawing one.
 */
export default class InvitationsController {
  async index({ auth, params, request, bouncer, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('viewInvitations', team)
    const { filters } = await readFilters(listPageValidator, request.qs(), ['page'])
    const pending = await TeamInvitation.pendingShownTo(team, user.id).paginate(
      filters.page ?? 1,
      PER_PAGE
    )
    pending.baseUrl(request.url())
    await User.showNamesTo(
      user,
      pending.all().map((invitation) => invitation.invitee)
    )
    return view.render('pages/teams/invitations', { team, invitations: pending })
  }

  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const { username } = await request.validateUsing(inviteMemberValidator)
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('invite', team)
    const invitation = await InviteMember.handle(user, team, username)
    session.flash('success', `@${invitation.invitee.username} is invited to ${team.name}.`)
    return response.redirect().back()
  }

  async destroy({ auth, params, response, session, bouncer }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('web').getUserOrFail(), params.id)
    const invitation = await TeamInvitation.findInTeamOrFail(team.id, params.invitationId)
    await bouncer.with(TeamPolicy).authorize('withdrawInvitation', team, invitation)
    await CloseInvitation.handle(invitation, 'WITHDRAWN')
    session.flash('success', `The invitation of @${invitation.invitee.username} is withdrawn.`)
    return response.redirect().toRoute('team_invitations.index', { id: team.id })
  }
}
