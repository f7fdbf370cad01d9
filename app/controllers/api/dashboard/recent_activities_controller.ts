import type { HttpContext } from '@adonisjs/core/http'
import BountyEvent from '#models/bounty_event'
import { recentActivityValidator } from '#validators/dashboard'
import { serialize } from '#transformers/envelope'
import ActivityTransformer from '#transformers/activity_transformer'

export default class RecentActivitiesController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(recentActivityValidator)
    const events = await BountyEvent.recentFor(auth.use('api').getUserOrFail(), page, limit)
    return serialize(ActivityTransformer.paginate(events.all(), events.getMeta()))
  }
}
