import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import JoinTeam from '#actions/teams/join_team'
import LeaveTeam from '#actions/teams/leave_team'
import { joinTeamValidator } from '#validators/team'

/**
 * The member's own place in a team: joining by code (also from a shared
 * link, /teams/join?code=…) and leaving.
 */
export default class MembershipsController {
  async create({ request, bouncer, view }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('join')
    const code = request.qs().code
    return view.render('pages/teams/join', { code: typeof code === 'string' ? code : '' })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const { accessCode } = await request.validateUsing(joinTeamValidator)
    await bouncer.with(TeamPolicy).authorize('join')
    const team = await JoinTeam.handle(auth.use('web').getUserOrFail(), accessCode)
    session.flash('success', `Welcome to ${team.name}!`)
    return response.redirect().toRoute('teams.show', { id: team.id })
  }

  async destroy({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('leave', team)
    await LeaveTeam.handle(user, team)
    session.flash('success', `You left ${team.name}.`)
    return response.redirect().toRoute('teams.index')
  }
}
