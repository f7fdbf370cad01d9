import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import CheckInPolicy from '#policies/check_in_policy'
import { comparisonValidator } from '#validators/analytics'
import { serialize } from '#transformers/envelope'
import { ComparisonTransformer } from '#transformers/check_in_analytics_transformer'

/**
 * GET /analytics/comparison?teamId=&weeks=: the caller beside their team,
 * week by week.
 */
export default class ComparisonsController {
  async show({ auth, request, bouncer }: HttpContext) {
    const { teamId, weeks } = await request.validateUsing(comparisonValidator)
    const team = await Team.findOrFail(teamId)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const user = auth.use('api').getUserOrFail()
    const comparison = await CheckInAnalytics.comparison(user, team, { weeks })
    return serialize(ComparisonTransformer.transform(comparison))
  }
}
