import type { ExtractScopes } from '@adonisjs/lucid/types/model'
import { moneyChart } from '#charts/balance_chart'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import UserSetting from '#models/user_setting'
import UserStats from '#actions/users/user_stats'
import DashboardStats from '#actions/users/dashboard_stats'
import Badges from '#gamification/badges'

type BountyScopes = ExtractScopes<typeof Bounty>

const LIST_SIZE = 6
const EARNING_WEEKS = 12

/**
 * Everything the member's own corner (H1) shows: their figures, points,
 * level, streak and badges (E1–E3), what they work on, what they posted
 * and completed, and what happened lately on those bounties.
 */
export default class DashboardOverview {
  static async handle(user: User) {
    const [stats, earnings, working, posted, completed, drafts, activity, badges] =
      await Promise.all([
        DashboardStats.handle(user),
        DashboardOverview.earningsChart(user),
        DashboardOverview.latest(user, (scopes) => scopes.workedOnBy(user)),
        DashboardOverview.latest(user, (scopes) => scopes.openPostedBy(user)),
        DashboardOverview.latest(user, (scopes) => scopes.completedBy(user)),
        Bounty.query()
          .withScopes((scopes) => scopes.draftsOf(user))
          .count('* as total'),
        BountyEvent.recentFor(user).limit(10),
        Badges.of(user.id),
      ])
    return {
      stats,
      earnings,
      working,
      posted,
      completed,
      draftCount: Number(drafts[0].$extras.total),
      activity,
      badges,
    }
  }

  /**
   * What the member earned each week of the last `EARNING_WEEKS`, weeks
   * starting on their own clock's Monday as on the analytics page, as a
   * chart; null while they have earned nothing in that time.
   */
  private static async earningsChart(user: User) {
    const timezone = await UserSetting.timezoneOf(user)
    const weeks = await UserStats.weeklyEarnings(user, EARNING_WEEKS, timezone)
    return moneyChart(
      weeks.map(({ week, earned }) => ({ day: week, amount: earned })),
      (monday) => `Week of ${monday}`
    )
  }

  /**
   * The latest bounties the member may see of one list, with what a card
   * shows.
   */
  private static latest(user: User, list: (scopes: BountyScopes) => void) {
    return Bounty.query()
      .withScopes((scopes) => {
        scopes.visibleTo(user)
        scopes.withCard()
        list(scopes)
      })
      .orderBy('bounties.updated_at', 'desc')
      .limit(LIST_SIZE)
  }
}
