import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import TeamPolicy from '#policies/team_policy'
import ChangeRole from '#actions/teams/change_role'
import RemoveMember from '#actions/teams/remove_member'
import { TEAM_ROLE_LABELS } from '#enums/team'
import { updateMemberRoleValidator } from '#validators/team'

/**
 * Managing the team's members from its page: roles and removal.
 */
export default class MembersController {
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const { role } = await request.validateUsing(updateMemberRoleValidator)
    const team = await Team.findForMemberOrFail(auth.use('web').getUserOrFail(), params.id)
    const target = await TeamMembership.findInTeamOrFail(team.id, params.userId)
    await bouncer.with(TeamPolicy).authorize('changeRole', team)
    await ChangeRole.handle(team, target, role)
    session.flash('success', `@${target.user.username} is now ${TEAM_ROLE_LABELS[role]}.`)
    return response.redirect().toRoute('teams.show', { id: team.id })
  }

  async destroy({ auth, params, response, session, bouncer }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('web').getUserOrFail(), params.id)
    const target = await TeamMembership.findInTeamOrFail(team.id, params.userId)
    await bouncer.with(TeamPolicy).authorize('removeMember', team, target)
    await RemoveMember.handle(team, target)
    session.flash('success', `@${target.user.username} was removed from ${team.name}.`)
    return response.redirect().toRoute('teams.show', { id: team.id })
  }
}
