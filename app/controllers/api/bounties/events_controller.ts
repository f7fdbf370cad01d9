import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import { serialize } from '#transformers/envelope'
import BountyEventTransformer from '#transformers/bounty_event_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * GET /bounties/:id/events: the timeline, oldest first (B7).
 */
export default class EventsController {
  async index({ auth, params, request }: HttpContext) {
    const { page = 1, limit = 50 } = await request.validateUsing(listPageValidator)
    const bounty = await Bounty.findVisibleOrFail(auth.use('api').getUserOrFail(), params.id)
    const events = await BountyEvent.query()
      .where('bounty_id', bounty.id)
      .preload('actor')
      .orderBy('id')
      .paginate(page, limit)
    return serialize(BountyEventTransformer.paginate(events.all(), events.getMeta()))
  }
}
