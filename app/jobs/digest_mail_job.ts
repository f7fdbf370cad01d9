import mail from '@adonisjs/mail/services/main'
import Notification from '#models/notification'
import User from '#models/user'
import NotificationDigestMail from '#mails/notification_digest_mail'
import { OutboxJob } from '#services/outbox'

type Digest = { userId: string; notificationIds: string[] }

/**
 * One member's digest (K10), queued in the transaction that marks its
 * notifications emailed. Notifications read or deleted meanwhile are left
 * out; with none left, nothing is sent.
 */
export default class DigestMailJob extends OutboxJob<Digest> {
  static options = { name: 'DigestMailJob' }

  async handle({ userId, notificationIds }: Digest) {
    const user = await User.query()
      .where('id', userId)
      .whereNull('deleted_at')
      .where('is_active', true)
      .first()
    if (!user) return
    const notifications = await Notification.query()
      .whereIn('id', notificationIds)
      .whereNull('read_at')
      .orderBy('created_at', 'desc')
    if (notifications.length) await mail.send(new NotificationDigestMail(user, notifications))
  }
}
