import type { HttpContext } from '@adonisjs/core/http'
import Leaderboard, { type LeaderboardQuery } from '#gamification/leaderboard'
import Team from '#models/team'
import type User from '#models/user'
import UserSetting from '#models/user_setting'
import LeaderboardPolicy from '#policies/leaderboard_policy'
import {
  LEADERBOARD_METRICS,
  LEADERBOARD_METRIC_LABELS,
  LEADERBOARD_PERIODS,
  LEADERBOARD_PERIOD_LABELS,
} from '#enums/leaderboard'
import { LEADERBOARD_DEFAULTS, leaderboardValidator } from '#validators/leaderboard'

/**
 * The leaderboard page (E4, K9). The board lives in the query string, so a
 * board is a link to share; a value that is not valid is dropped with a
 * notice rather than failing the page, as on the bounty board.
 */
export default class LeaderboardsController {
  async index({ auth, request, view, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { board, problems } = await readBoard(request.qs())
    const team = board.teamId ? await Team.findVisibleOrFail(user, board.teamId) : null
    if (team) await bouncer.with(LeaderboardPolicy).authorize('viewTeam', team)
    const standings = await Leaderboard.top(board, LEADERBOARD_DEFAULTS.limit)
    const listed = standings.find((standing) => standing.user.id === user.id)
    const own = listed ?? (await Leaderboard.standingOf(user.id, board))
    return view.render('pages/leaderboards/index', {
      board,
      problems,
      standings,
      own,
      ownListed: Boolean(listed),
      optedOut: !own && (await isOptedOut(user)),
      teams: await teamChoices(user, team),
      ...OPTIONS,
    })
  }
}

async function isOptedOut(user: User) {
  const settings = await UserSetting.find(user.id)
  return settings?.leaderboardOptOut ?? false
}

async function readBoard(qs: Record<string, unknown>) {
  const given = Object.fromEntries(
    ['period', 'metric', 'teamId']
      .filter((key) => typeof qs[key] === 'string' && qs[key].trim())
      .map((key) => [key, (qs[key] as string).trim()])
  )
  const [error] = await leaderboardValidator.tryValidate(given)
  const problems: { field: string; message: string }[] = error?.messages ?? []
  for (const { field } of problems) delete given[field]
  const [, valid] = await leaderboardValidator.tryValidate(given)
  const board: LeaderboardQuery = {
    period: valid?.period ?? LEADERBOARD_DEFAULTS.period,
    metric: valid?.metric ?? LEADERBOARD_DEFAULTS.metric,
    teamId: valid?.teamId ?? null,
  }
  return { board, problems }
}

/**
 * The boards the member can pick: everyone's and their teams'; a Leader
 * looking at a team they are not in keeps it in the list.
 */
async function teamChoices(user: User, current: Team | null) {
  const teams = await Team.joinedBy(user.id)
  if (current && !teams.some((team) => team.id === current.id)) teams.unshift(current)
  return teams
}

const OPTIONS = {
  periods: LEADERBOARD_PERIODS.map((value) => ({ value, label: LEADERBOARD_PERIOD_LABELS[value] })),
  metrics: LEADERBOARD_METRICS.map((value) => ({ value, label: LEADERBOARD_METRIC_LABELS[value] })),
}
