import { BaseTransformer } from '@adonisjs/core/transformers'
import type Notification from '#models/notification'

/**
 * A notification as the API lists it and as it arrives live on
 * `users/:id/notifications`. `actor` needs the relation loaded (null when
 * nobody caused it, e.g. the scheduler, or the account is gone).
 */
export default class NotificationTransformer extends BaseTransformer<Notification> {
  toObject() {
    const notification = this.resource
    const actor = notification.actor ?? null
    return {
      id: notification.id,
      type: notification.type,
      title: notification.title,
      message: notification.message,
      url: notification.url,
      data: notification.data,
      isRead: notification.isRead,
      readAt: notification.readAt?.toUTC().toISO() ?? null,
      actor: actor ? { id: actor.id, username: actor.username } : null,
      createdAt: notification.createdAt.toUTC().toISO()!,
      expiresAt: notification.expiresAt?.toUTC().toISO() ?? null,
    }
  }
}
