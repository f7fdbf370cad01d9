import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import MarkAllNotificationsRead from '#actions/notifications/mark_all_notifications_read'

/**
 * Marks every notification read.
 */
export default class BulkReadingsController {
  async update({ auth, response, session }: HttpContext) {
    const marked = await MarkAllNotificationsRead.handle(auth.use('web').getUserOrFail())
    session.flash(
      'success',
      marked ? 'All notifications marked as read.' : 'You were all caught up.'
    )
    return response.redirect().back(urlFor('notifications.index'))
  }
}
