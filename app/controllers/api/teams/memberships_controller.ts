import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import JoinTeam from '#actions/teams/join_team'
import LeaveTeam from '#actions/teams/leave_team'
import { joinTeamValidator } from '#validators/team'
import { serialize } from '#transformers/envelope'
import TeamTransformer from '#transformers/team_transformer'

/**
 * The caller's own membership: joining by access code (POST /teams/join)
 * and leaving (POST /teams/:id/leave).
 */
export default class MembershipsController {
  async store({ auth, request, bouncer }: HttpContext) {
    const { accessCode } = await request.validateUsing(joinTeamValidator)
    await bouncer.with(TeamPolicy).authorize('join')
    const team = await JoinTeam.handle(auth.use('api').getUserOrFail(), accessCode)
    return serialize({ team: TeamTransformer.transform(team) }, { message: `Joined ${team.name}` })
  }

  async destroy({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('leave', team)
    await LeaveTeam.handle(user, team)
    return serialize(null, { message: `You left ${team.name}` })
  }
}
