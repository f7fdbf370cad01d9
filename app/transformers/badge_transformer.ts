import { BaseTransformer } from '@adonisjs/core/transformers'
import type { EarnedBadge } from '#gamification/badges'

export default class BadgeTransformer extends BaseTransformer<EarnedBadge> {
  toObject() {
    const badge = this.resource
    return {
      code: badge.code,
      name: badge.name,
      description: badge.description,
      awardedAt: badge.awardedAt.toUTC().toISO()!,
    }
  }
}
