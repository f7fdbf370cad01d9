import { BaseTransformer } from '@adonisjs/core/transformers'
import type { Insight } from '#actions/analytics/insights'

/**
 * GET /analytics/insights: one observation, its rule's code and tone.
 */
export default class InsightTransformer extends BaseTransformer<Insight> {
  toObject() {
    return this.pick(this.resource, ['code', 'tone', 'text'])
  }
}
