import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import CheckInPolicy from '#policies/check_in_policy'
import { analyticsWeeksValidator } from '#validators/analytics'
import { serialize } from '#transformers/envelope'
import { TeamAnalyticsTransformer } from '#transformers/check_in_analytics_transformer'

/**
 * GET /analytics/team/:id?weeks=: a team's weekly averages and
 * participation, for its members only.
 */
export default class TeamAnalyticsController {
  async show({ params, request, bouncer }: HttpContext) {
    const { weeks } = await request.validateUsing(analyticsWeeksValidator)
    const team = await Team.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const trends = await CheckInAnalytics.team(team, { weeks })
    return serialize(TeamAnalyticsTransformer.transform({ team, trends }))
  }
}
