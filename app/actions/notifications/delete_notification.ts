import Notification from '#models/notification'
import type User from '#models/user'
import { broadcastUnreadCount } from '#services/broadcast'

/**
 * Deletes one of the member's notifications; deleting an unread one lowers
 * the bell count on their open pages.
 */
export default class DeleteNotification {
  static async handle(user: User, notification: Notification) {
    await notification.delete()
    if (!notification.isRead) {
      broadcastUnreadCount(user.id, await Notification.unreadCountOf(user.id))
    }
  }
}
