import type { HttpContext } from '@adonisjs/core/http'
import Notification from '#models/notification'
import DeleteNotification from '#actions/notifications/delete_notification'
import { notificationFiltersValidator } from '#validators/notification'
import { serialize } from '#transformers/envelope'
import NotificationTransformer from '#transformers/notification_transformer'

/**
 * The caller's notifications.
 */
export default class NotificationsController {
  async index({ auth, request }: HttpContext) {
    const {
      page = 1,
      limit = 20,
      ...filters
    } = await request.validateUsing(notificationFiltersValidator)
    const user = auth.use('api').getUserOrFail()
    const inbox = await Notification.inboxOf(user, filters, page, limit)
    return serialize(NotificationTransformer.paginate(inbox.all(), inbox.getMeta()))
  }

  async destroy({ auth, params }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const notification = await Notification.findOwnOrFail(user, params.id)
    await DeleteNotification.handle(user, notification)
    return serialize(null, { message: 'Notification deleted' })
  }
}
