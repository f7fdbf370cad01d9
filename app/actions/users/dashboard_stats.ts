import Ledger, { accounts } from '#ledger/ledger'
import type Money from '#ledger/money'
import type User from '#models/user'
import MemberTotals from '#gamification/member_totals'
import { levelFor, type LevelProgress } from '#gamification/points'
import Streaks from '#gamification/streaks'
import UserStats, { type UserStatsResult } from '#actions/users/user_stats'

export type DashboardStatsResult = UserStatsResult & {
  balance: Money
  held: Money
  level: LevelProgress
  streakWeeks: number
}

/**
 * The figures of a member's dashboard (H1, E1, E3), for the page and
 * `GET /dashboard/stats`: their bounty and money figures, wallet, points
 * (from the member totals), level and current streak.
 */
export default class DashboardStats {
  static async handle(user: User): Promise<DashboardStatsResult> {
    const [stats, wallet, points, streakWeeks] = await Promise.all([
      UserStats.handle(user),
      Ledger.balances(accounts.wallet(user.id)),
      MemberTotals.pointsOf(user.id),
      Streaks.weeksOf(user.id),
    ])
    return { ...stats, ...wallet, level: levelFor(points), streakWeeks }
  }
}
