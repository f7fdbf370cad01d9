import { BaseTransformer } from '@adonisjs/core/transformers'
import type { PersonalAnalytics, Comparison } from '#actions/analytics/check_in_analytics'
import type { TeamTrendsResult } from '#actions/checkins/team_trends'
import type Team from '#models/team'

/**
 * GET /analytics/personal: the caller's own weekly scores and streak.
 */
export class PersonalAnalyticsTransformer extends BaseTransformer<PersonalAnalytics> {
  toObject() {
    const { weeks, streak } = this.resource
    return {
      weeks: weeks.map((week) => ({
        weekStart: week.weekStart,
        checkIns: week.checkIns,
        scores: { ...week.scores },
      })),
      streak: { ...streak },
    }
  }
}

/**
 * GET /analytics/team/:id: the team's averages and participation only;
 * nobody's own answers, whoever asks.
 */
export class TeamAnalyticsTransformer extends BaseTransformer<{
  team: Team
  trends: TeamTrendsResult
}> {
  toObject() {
    const { team, trends } = this.resource
    return {
      teamId: team.id,
      timezone: team.timezone,
      weeks: trends.weeks.map((week) => ({
        weekStart: week.weekStart,
        averages: { ...week.averages },
        checkIns: week.checkIns,
        participation: week.participation,
      })),
    }
  }
}

/**
 * GET /analytics/comparison: the caller's own scores beside the team's
 * averages, week by week.
 */
export class ComparisonTransformer extends BaseTransformer<Comparison> {
  toObject() {
    const { teamId, timezone, weeks, streak } = this.resource
    return {
      teamId,
      timezone,
      weeks: weeks.map((week) => ({
        weekStart: week.weekStart,
        mine: week.mine ? { ...week.mine } : null,
        team: { ...week.averages },
        checkIns: week.checkIns,
        participation: week.participation,
      })),
      streak: { ...streak },
    }
  }
}
