import type { HttpContext } from '@adonisjs/core/http'
import BountyEvent from '#models/bounty_event'
import { serialize } from '#transformers/envelope'
import ActivityTransformer from '#transformers/activity_transformer'
import { listPageValidator } from '#validators/rules/pagination'

export default class RecentActivitiesController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const events = await BountyEvent.recentFor(auth.use('api').getUserOrFail()).paginate(
      page,
      limit
    )
    return serialize(ActivityTransformer.paginate(events.all(), events.getMeta()))
  }
}
