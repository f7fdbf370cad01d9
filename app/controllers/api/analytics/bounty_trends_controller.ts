import type { HttpContext } from '@adonisjs/core/http'
import BountyTrends from '#actions/analytics/bounty_trends'
import UserSetting from '#models/user_setting'
import { bountyTrendsValidator } from '#validators/analytics'
import { serialize } from '#transformers/envelope'
import BountyTrendTransformer from '#transformers/bounty_trend_transformer'

/**
 * GET /analytics/bounty-trends?weeks=12: the board's weekly activity as the
 * caller sees it, weeks on the caller's clock.
 */
export default class BountyTrendsController {
  async index({ auth, request }: HttpContext) {
    const { weeks } = await request.validateUsing(bountyTrendsValidator)
    const user = auth.use('api').getUserOrFail()
    const timezone = await UserSetting.timezoneOf(user)
    const trends = await BountyTrends.handle(user, { weeks, timezone })
    return serialize(BountyTrendTransformer.transform(trends))
  }
}
