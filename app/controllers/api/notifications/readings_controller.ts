import type { HttpContext } from '@adonisjs/core/http'
import Notification from '#models/notification'
import MarkNotificationRead from '#actions/notifications/mark_notification_read'
import { serialize } from '#transformers/envelope'
import NotificationTransformer from '#transformers/notification_transformer'

/**
 * PUT /notifications/:id/read
 */
export default class ReadingsController {
  async update({ auth, params }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const notification = await Notification.findOwnOrFail(user, params.id)
    await MarkNotificationRead.handle(user, notification)
    await notification.load('actor')
    return serialize(NotificationTransformer.transform(notification))
  }
}
