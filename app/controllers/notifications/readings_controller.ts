import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Notification from '#models/notification'
import MarkNotificationRead from '#actions/notifications/mark_notification_read'

/**
 * Marks one notification read (a sub-resource: its reading).
 */
export default class ReadingsController {
  async update({ auth, params, response }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const notification = await Notification.findOwnOrFail(user, params.id)
    await MarkNotificationRead.handle(user, notification)
    return response.redirect().back(urlFor('notifications.index'))
  }
}
