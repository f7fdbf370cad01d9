import type { HttpContext } from '@adonisjs/core/http'
import MarkAllNotificationsRead from '#actions/notifications/mark_all_notifications_read'
import { serialize } from '#transformers/envelope'

/**
 * PUT /notifications/read-all: answers how many were marked.
 */
export default class BulkReadingsController {
  async update({ auth }: HttpContext) {
    const marked = await MarkAllNotificationsRead.handle(auth.use('api').getUserOrFail())
    return serialize({ marked }, { message: 'All notifications marked as read' })
  }
}
