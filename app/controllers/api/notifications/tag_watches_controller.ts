import type { HttpContext } from '@adonisjs/core/http'
import Tag from '#models/tag'
import TagWatcher from '#models/tag_watcher'
import { updateWatchLevelValidator } from '#validators/notification'
import { serialize } from '#transformers/envelope'
import NotificationWatchTransformer from '#transformers/notification_watch_transformer'

/**
 * GET/PUT /tags/:id/watch: the caller's watch level on a tag (K10).
 */
export default class TagWatchesController {
  async show({ auth, params }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const tag = await Tag.findOrFail(params.id)
    const level = await TagWatcher.levelOf(user.id, tag.id)
    return serialize(NotificationWatchTransformer.transform({ subject: 'tag', id: tag.id, level }))
  }

  async update({ auth, params, request }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const tag = await Tag.findOrFail(params.id)
    const { level } = await request.validateUsing(updateWatchLevelValidator)
    await TagWatcher.setLevel(user.id, tag.id, level)
    return serialize(NotificationWatchTransformer.transform({ subject: 'tag', id: tag.id, level }))
  }
}
