import type { HttpContext } from '@adonisjs/core/http'
import CheckIn from '#models/check_in'
import Team from '#models/team'
import TeamTrends from '#actions/checkins/team_trends'
import CheckInPolicy from '#policies/check_in_policy'
import { TRENDS_DEFAULT_WEEKS, checkInTrendsValidator } from '#validators/check_in'
import { serialize } from '#transformers/envelope'
import TeamCheckInsTransformer from '#transformers/team_check_ins_transformer'

/**
 * GET /checkins/team/:id?weeks=: a team's check-ins and weekly averages,
 * for its members only.
 */
export default class TeamCheckInsController {
  async show({ auth, params, request, bouncer }: HttpContext) {
    const { weeks = TRENDS_DEFAULT_WEEKS } = await request.validateUsing(checkInTrendsValidator)
    const team = await Team.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const user = auth.use('api').getUserOrFail()
    const [trends, checkIns] = await Promise.all([
      TeamTrends.handle(team, { weeks, userId: user.id }),
      CheckIn.visibleInTeam(team, user, TeamTrends.window(team, weeks)),
    ])
    return serialize(TeamCheckInsTransformer.transform({ trends, checkIns }))
  }
}
