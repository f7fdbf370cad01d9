import Notification from '#models/notification'
import type User from '#models/user'
import { broadcastUnreadCount } from '#services/broadcast'

/**
 * Marks one of the member's notifications read; their open pages update the
 * bell.
 */
export default class MarkNotificationRead {
  static async handle(user: User, notification: Notification) {
    if (notification.isRead) return notification
    await notification.markRead()
    broadcastUnreadCount(user.id, await Notification.unreadCountOf(user.id))
    return notification
  }
}
