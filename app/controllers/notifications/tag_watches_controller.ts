import type { HttpContext } from '@adonisjs/core/http'
import Tag from '#models/tag'
import TagWatcher from '#models/tag_watcher'
import { WATCH_LEVEL_LABELS } from '#enums/notification'
import { updateTagWatchValidator } from '#validators/notification'

/**
 * The member's watch level on a tag (K10).
 */
export default class TagWatchesController {
  async update({ auth, request, response, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { tagId, level } = await request.validateUsing(updateTagWatchValidator)
    const tag = await Tag.findOrFail(tagId)
    await TagWatcher.setLevel(user.id, tag.id, level)
    session.flash('success', `Tag “${tag.name}”: ${WATCH_LEVEL_LABELS[level].toLowerCase()}.`)
    return response.redirect().toRoute('notification_preferences.edit')
  }
}
