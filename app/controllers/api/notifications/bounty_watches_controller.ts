import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyWatcher from '#models/bounty_watcher'
import { updateWatchLevelValidator } from '#validators/notification'
import { serialize } from '#transformers/envelope'
import NotificationWatchTransformer from '#transformers/notification_watch_transformer'

/**
 * GET/PUT /bounties/:id/watch: the caller's watch level on a bounty they
 * may see (K10).
 */
export default class BountyWatchesController {
  async show({ auth, params }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    const level = await BountyWatcher.levelOf(user.id, bounty.id)
    return serialize(
      NotificationWatchTransformer.transform({ subject: 'bounty', id: bounty.id, level })
    )
  }

  async update({ auth, params, request }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    const { level } = await request.validateUsing(updateWatchLevelValidator)
    await BountyWatcher.setLevel(user.id, bounty.id, level)
    return serialize(
      NotificationWatchTransformer.transform({ subject: 'bounty', id: bounty.id, level })
    )
  }
}
