import mail from '@adonisjs/mail/services/main'
import Notification from '#models/notification'
import User from '#models/user'
import NotificationMail from '#mails/notification_mail'
import { OutboxJob } from '#services/outbox'

/**
 * One notification by email (D3): queued by `Notify` in the statement that
 * stores the notification. Nothing is sent when the notification or its
 * member is gone by the time the job runs.
 */
export default class NotificationMailJob extends OutboxJob<{ notificationId: string }> {
  static options = { name: 'NotificationMailJob' }

  async handle({ notificationId }: { notificationId: string }) {
    const notification = await Notification.find(notificationId)
    if (!notification) return
    const user = await User.query()
      .where('id', notification.userId)
      .whereNull('deleted_at')
      .where('is_active', true)
      .first()
    if (user) await mail.send(new NotificationMail(user, notification))
  }
}
