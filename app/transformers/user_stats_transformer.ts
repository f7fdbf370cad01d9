import { BaseTransformer } from '@adonisjs/core/transformers'
import type { UserStatsResult } from '#actions/users/user_stats'

export default class UserStatsTransformer extends BaseTransformer<UserStatsResult> {
  toObject() {
    const stats = this.resource
    return {
      postedCount: stats.postedCount,
      completedCount: stats.completedCount,
      activeCount: stats.activeCount,
      earned: stats.earned.toString(),
      spent: stats.spent.toString(),
      completionRate: stats.completionRate,
    }
  }
}
