import { BaseTransformer } from '@adonisjs/core/transformers'
import type { BountyTrendWeek } from '#actions/analytics/bounty_trends'

/**
 * GET /analytics/bounty-trends: one week, money as a decimal string.
 */
export default class BountyTrendTransformer extends BaseTransformer<BountyTrendWeek> {
  toObject() {
    const week = this.resource
    return {
      weekStart: week.weekStart,
      created: week.created,
      completed: week.completed,
      paidOut: week.paidOut.toString(),
    }
  }
}
