import type { HttpContext } from '@adonisjs/core/http'
import CheckInAnalytics from '#actions/analytics/check_in_analytics'
import { analyticsWeeksValidator } from '#validators/analytics'
import { serialize } from '#transformers/envelope'
import { PersonalAnalyticsTransformer } from '#transformers/check_in_analytics_transformer'

/**
 * GET /analytics/personal?weeks=: the caller's own weekly check-in scores.
 */
export default class PersonalAnalyticsController {
  async show({ auth, request }: HttpContext) {
    const { weeks } = await request.validateUsing(analyticsWeeksValidator)
    const personal = await CheckInAnalytics.personal(auth.use('api').getUserOrFail(), { weeks })
    return serialize(PersonalAnalyticsTransformer.transform(personal))
  }
}
