import Notification from '#models/notification'
import type User from '#models/user'
import { broadcastUnreadCount } from '#services/broadcast'

/**
 * Marks every notification of the member read; returns how many were unread.
 */
export default class MarkAllNotificationsRead {
  static async handle(user: User) {
    const marked = await Notification.markAllReadFor(user)
    if (marked > 0) broadcastUnreadCount(user.id, await Notification.unreadCountOf(user.id))
    return marked
  }
}
