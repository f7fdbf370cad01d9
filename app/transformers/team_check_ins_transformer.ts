import { BaseTransformer } from '@adonisjs/core/transformers'
import type { TeamCheckIn } from '#models/check_in'
import type { TeamTrendsResult } from '#actions/checkins/team_trends'

/**
 * GET /checkins/team/:id: the team's weekly averages, oldest week first,
 * with the caller's own scores beside them, and the check-ins of the
 * window the caller may see (other members' private ones left out), read
 * in their API shape by `CheckIn.visibleInTeam`.
 */
export default class TeamCheckInsTransformer extends BaseTransformer<{
  trends: TeamTrendsResult
  checkIns: TeamCheckIn[]
}> {
  toObject() {
    const { trends, checkIns } = this.resource
    return {
      teamId: trends.teamId,
      weeks: trends.weeks.map((week) => ({
        ...week,
        averages: { ...week.averages },
        mine: week.mine ? { ...week.mine } : null,
      })),
      checkIns,
    }
  }
}
