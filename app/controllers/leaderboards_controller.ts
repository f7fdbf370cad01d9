import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import LeaderboardPolicy from '#policies/leaderboard_policy'
import LeaderboardOverview from '#actions/leaderboards/leaderboard_overview'
import {
  LEADERBOARD_METRICS,
  LEADERBOARD_METRIC_LABELS,
  LEADERBOARD_PERIODS,
  LEADERBOARD_PERIOD_LABELS,
} from '#enums/leaderboard'
import { leaderboardValidator } from '#validators/leaderboard'
import { readFilters } from '#validators/rules/filters'

/**
 * The leaderboard page (E4, K9). The board lives in the query string, so a
 * board is a link to share; a value that is not valid is dropped with a
 * notice rather than failing the page, as on the bounty board.
 */
export default class LeaderboardsController {
  async index({ auth, request, view, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { filters, problems } = await readFilters(leaderboardValidator, request.qs(), BOARD_KEYS)
    const team = filters.teamId ? await Team.findOrFail(filters.teamId) : null
    if (team) await bouncer.with(LeaderboardPolicy).authorize('viewTeam', team)
    const overview = await LeaderboardOverview.handle(user, { ...filters, team })
    return view.render('pages/leaderboards/index', { ...overview, problems, ...OPTIONS })
  }
}

/** The page takes the board from these; `limit` is the API's alone. */
const BOARD_KEYS = ['period', 'metric', 'teamId'] as const

const OPTIONS = {
  periods: LEADERBOARD_PERIODS.map((value) => ({ value, label: LEADERBOARD_PERIOD_LABELS[value] })),
  metrics: LEADERBOARD_METRICS.map((value) => ({ value, label: LEADERBOARD_METRIC_LABELS[value] })),
}
