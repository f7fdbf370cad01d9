import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import CheckInPolicy from '#policies/check_in_policy'
import { insightsValidator } from '#validators/analytics'
import { serialize } from '#transformers/envelope'
import InsightTransformer from '#transformers/insight_transformer'

/**
 * GET /analytics/insights?teamId=: what the caller's check-ins and their
 * team's say, in sentences.
 */
export default class InsightsController {
  async index({ auth, request, bouncer }: HttpContext) {
    const { teamId } = await request.validateUsing(insightsValidator)
    const team = await Team.findOrFail(teamId)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const insights = await CheckInAnalytics.insights(auth.use('api').getUserOrFail(), team)
    return serialize(InsightTransformer.transform(insights))
  }
}
