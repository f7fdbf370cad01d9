import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import CheckIn from '#models/check_in'
import Team from '#models/team'
import TeamTrends from '#actions/checkins/team_trends'
import SubmitCheckIn from '#actions/checkins/submit_check_in'
import CheckInPolicy from '#policies/check_in_policy'
import { TRENDS_DEFAULT_WEEKS, submitCheckInValidator } from '#validators/check_in'
import { teamTrendsChart } from '#charts/trend_chart'
import { CHECKIN_QUESTIONS } from '#enums/check_in'
import { CHECKIN_SCORES } from '#enums/team'

/**
 * A team's check-in page (F3, H2): this week's form or the member's own
 * check-in, the team's trends beside the member's, and the check-ins of
 * the last weeks the member may see.
 */
export default class CheckInsController {
  async index({ auth, params, view, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const [current, trends, history] = await Promise.all([
      CheckIn.currentOf(user, team),
      TeamTrends.handle(team, { userId: user.id }),
      CheckIn.visibleInTeam(team, user, TeamTrends.window(team, TRENDS_DEFAULT_WEEKS)),
    ])
    return view.render('pages/teams/check_ins/index', {
      team,
      weekStart: DateTime.fromISO(TeamTrends.window(team, 1).last),
      current,
      chart: teamTrendsChart(trends.weeks),
      history,
      scores: CHECKIN_SCORES,
      questions: CHECKIN_QUESTIONS,
    })
  }

  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(submitCheckInValidator)
    const team = await Team.find(params.id)
    await bouncer.with(CheckInPolicy).authorize('create', team)
    await SubmitCheckIn.handle(auth.use('web').getUserOrFail(), team!, data)
    session.flash('success', 'Checked in for this week. Thank you!')
    return response.redirect().toRoute('team_checkins.index', { id: team!.id })
  }
}
