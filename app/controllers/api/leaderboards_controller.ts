import type { HttpContext } from '@adonisjs/core/http'
import Leaderboard from '#gamification/leaderboard'
import Team from '#models/team'
import LeaderboardPolicy from '#policies/leaderboard_policy'
import { LEADERBOARD_DEFAULTS, leaderboardValidator } from '#validators/leaderboard'
import { serialize } from '#transformers/envelope'
import LeaderboardEntryTransformer from '#transformers/leaderboard_entry_transformer'

/**
 * GET /leaderboard: the top of a board (E4), highest first.
 */
export default class LeaderboardsController {
  async index({ request, bouncer }: HttpContext) {
    const { teamId, ...choice } = await request.validateUsing(leaderboardValidator)
    const { period, metric, limit } = { ...LEADERBOARD_DEFAULTS, ...choice }
    if (teamId)
      await bouncer.with(LeaderboardPolicy).authorize('viewTeam', await Team.findOrFail(teamId))
    const items = await Leaderboard.top({ period, metric, teamId: teamId ?? null }, limit)
    return serialize(LeaderboardEntryTransformer.transform(items))
  }
}
