import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import AnalyticsOverview from '#actions/analytics/analytics_overview'
import CheckInPolicy from '#policies/check_in_policy'
import { analyticsPageValidator } from '#validators/analytics'

/**
 * The member's analytics page (H2, issue 19): charts of the board, their
 * earnings and, for the team they pick, their check-ins beside the team's.
 */
export default class AnalyticsController {
  async show({ auth, request, view, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { weeks, teamId } = await request.validateUsing(analyticsPageValidator)
    const teams = await Team.joinedBy(user.id)
    const team = teamId ? await Team.findOrFail(teamId) : (teams[0] ?? null)
    if (team) await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const analytics = await AnalyticsOverview.handle(user, { weeks, team })
    return view.render('pages/analytics/show', { ...analytics, teams, ranges: RANGES })
  }
}

/**
 * The ranges the page offers; the API and `?weeks=` take any from 1 to 52.
 */
const RANGES = [4, 8, 12, 26, 52]
