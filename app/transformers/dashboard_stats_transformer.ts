import { BaseTransformer } from '@adonisjs/core/transformers'
import type { DashboardStatsResult } from '#actions/users/dashboard_stats'

export default class DashboardStatsTransformer extends BaseTransformer<DashboardStatsResult> {
  toObject() {
    const stats = this.resource
    return {
      balance: stats.balance.toString(),
      held: stats.held.toString(),
      earned: stats.earned.toString(),
      spent: stats.spent.toString(),
      activeBounties: stats.activeCount,
      completedBounties: stats.completedCount,
      completionRate: stats.completionRate,
      points: stats.level.points,
      level: stats.level.level,
      streakWeeks: stats.streakWeeks,
    }
  }
}
