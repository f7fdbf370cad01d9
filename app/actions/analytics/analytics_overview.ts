import type User from '#models/user'
import type Team from '#models/team'
import UserSetting from '#models/user_setting'
import UserStats from '#actions/users/user_stats'
import BountyTrends, { BOUNTY_TRENDS_DEFAULT_WEEKS } from '#actions/analytics/bounty_trends'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import { checkInInsights } from '#actions/analytics/insights'
import { moneyChart } from '#charts/balance_chart'
import { bountyTrendsChart, myAnswersChart } from '#charts/analytics_charts'
import { teamTrendsChart } from '#charts/trend_chart'
import { TRENDS_DEFAULT_WEEKS } from '#validators/check_in'

/**
 * Everything the analytics page (H2, issue 19) draws for a member: the
 * board's trends and their earnings on their own clock, their completion
 * rate, and, for one of their teams, their check-ins beside the team's
 * with the insights. The API serves the same figures endpoint by endpoint.
 */
export default class AnalyticsOverview {
  static async handle(
    user: User,
    { weeks = BOUNTY_TRENDS_DEFAULT_WEEKS, team }: { weeks?: number; team: Team | null }
  ) {
    const timezone = await UserSetting.timezoneOf(user)
    const [bounties, earnings, stats, checkIns] = await Promise.all([
      BountyTrends.handle(user, { weeks, timezone }),
      UserStats.weeklyEarnings(user, weeks, timezone),
      UserStats.handle(user),
      team ? AnalyticsOverview.checkIns(user, team, weeks) : null,
    ])
    return {
      weeks,
      timezone,
      stats,
      bountyChart: bountyTrendsChart(bounties),
      paidOutChart: moneyChart(
        bounties.map((week) => ({ day: week.weekStart, amount: week.paidOut })),
        (monday) => `Week of ${monday}`
      ),
      earningsChart: moneyChart(
        earnings.map(({ week, earned }) => ({ day: week, amount: earned })),
        (monday) => `Week of ${monday}`
      ),
      checkIns,
    }
  }

  private static async checkIns(user: User, team: Team, weeks: number) {
    // Insights always read the default window (the latest weeks, oldest
    // first): a range at least as long already holds it, so it is not read
    // twice; only a shorter one needs it read.
    const covers = weeks >= TRENDS_DEFAULT_WEEKS
    const [comparison, insights] = await Promise.all([
      CheckInAnalytics.comparison(user, team, { weeks }),
      covers ? null : CheckInAnalytics.insights(user, team),
    ])
    return {
      team,
      streak: comparison.streak,
      trendsChart: teamTrendsChart(comparison.weeks),
      answersChart: myAnswersChart(comparison.weeks),
      insights:
        insights ??
        checkInInsights(comparison.weeks.slice(-TRENDS_DEFAULT_WEEKS), comparison.streak),
    }
  }
}
