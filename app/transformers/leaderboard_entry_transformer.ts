import { BaseTransformer } from '@adonisjs/core/transformers'
import type { Standing } from '#gamification/leaderboard'

/**
 * A member's place on a leaderboard: money as a decimal string, counts as
 * numbers.
 */
export default class LeaderboardEntryTransformer extends BaseTransformer<Standing> {
  toObject() {
    const { rank, user, value } = this.resource
    return {
      rank,
      user: { id: user.id, username: user.username },
      value: typeof value === 'number' ? value : value.toString(),
    }
  }
}
