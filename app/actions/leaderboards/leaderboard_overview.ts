import Leaderboard from '#gamification/leaderboard'
import {
  LEADERBOARD_METRIC_LABELS,
  LEADERBOARD_PERIOD_LABELS,
  type LeaderboardMetric,
  type LeaderboardPeriod,
} from '#enums/leaderboard'
import { LEADERBOARD_DEFAULTS } from '#validators/leaderboard'
import Team from '#models/team'
import type User from '#models/user'
import UserSetting from '#models/user_setting'

/**
 * What the leaderboard page (E4, K9) shows a member for one board: its top,
 * its heading's labels, where they stand themselves when they are not in
 * it, whether they are off boards by choice, and the team boards they can
 * pick. `team` has
 * already been authorised; a period or metric left out takes the default.
 */
export default class LeaderboardOverview {
  static async handle(
    user: User,
    choice: { period?: LeaderboardPeriod; metric?: LeaderboardMetric; team: Team | null }
  ) {
    const board = {
      period: choice.period ?? LEADERBOARD_DEFAULTS.period,
      metric: choice.metric ?? LEADERBOARD_DEFAULTS.metric,
      teamId: choice.team?.id ?? null,
    }
    const standings = await Leaderboard.top(board, LEADERBOARD_DEFAULTS.limit)
    const listed = standings.find((standing) => standing.user.id === user.id)
    const own = listed ?? (await Leaderboard.standingOf(user.id, board))
    return {
      board,
      labels: {
        team: choice.team?.name ?? 'Everyone',
        period: LEADERBOARD_PERIOD_LABELS[board.period],
        metric: LEADERBOARD_METRIC_LABELS[board.metric],
      },
      standings,
      own,
      ownListed: Boolean(listed),
      optedOut: !own && (await LeaderboardOverview.isOptedOut(user)),
      teams: await LeaderboardOverview.teamChoices(user, choice.team),
    }
  }

  private static async isOptedOut(user: User) {
    const settings = await UserSetting.find(user.id)
    return settings?.leaderboardOptOut ?? false
  }

  /**
   * The boards the member can pick: everyone's and their teams'; a Leader
   * looking at a team they are not in keeps it in the list.
   */
  private static async teamChoices(user: User, current: Team | null) {
    const teams = await Team.joinedBy(user.id)
    if (current && !teams.some((team) => team.id === current.id)) teams.unshift(current)
    return teams
  }
}
