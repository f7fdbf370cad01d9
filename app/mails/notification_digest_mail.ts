import { BaseMail } from '@adonisjs/mail'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import type Notification from '#models/notification'
import type User from '#models/user'

/**
 * What a member missed while away (K10), newest first; the first ones in
 * full, the rest as a count.
 */
export default class NotificationDigestMail extends BaseMail {
  static readonly SHOWN = 10

  constructor(
    private user: User,
    private notifications: Notification[]
  ) {
    super()
    const count = notifications.length
    this.subject = `You have ${count} unread notification${count === 1 ? '' : 's'} on Corps`
  }

  prepare() {
    const appUrl = env.get('APP_URL')
    const data = {
      user: this.user,
      items: this.notifications.slice(0, NotificationDigestMail.SHOWN).map((notification) => ({
        title: notification.title,
        message: notification.message,
        url: new URL(notification.url ?? urlFor('notifications.index'), appUrl).href,
      })),
      more: Math.max(0, this.notifications.length - NotificationDigestMail.SHOWN),
      centreUrl: urlFor('notifications.index', {}, { prefixUrl: appUrl }),
      preferencesUrl: urlFor('notification_preferences.edit', {}, { prefixUrl: appUrl }),
    }
    this.message
      .to(this.user.email)
      .htmlView('emails/notification_digest_html', data)
      .textView('emails/notification_digest_text', data)
  }
}
