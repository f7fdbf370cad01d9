import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyWatcher from '#models/bounty_watcher'
import { WATCH_LEVEL_LABELS } from '#enums/notification'
import { updateWatchLevelValidator } from '#validators/notification'

/**
 * The member's watch level on a bounty they may see (K10).
 */
export default class BountyWatchesController {
  async update({ auth, params, request, response, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    const { level } = await request.validateUsing(updateWatchLevelValidator)
    await BountyWatcher.setLevel(user.id, bounty.id, level)
    session.flash('success', `“${bounty.title}”: ${WATCH_LEVEL_LABELS[level].toLowerCase()}.`)
    return response.redirect().back()
  }
}
