import { BaseMail } from '@adonisjs/mail'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import type Notification from '#models/notification'
import type User from '#models/user'

/**
 * One notification by email, for types the member chose to receive by
 * email (D3). Links are absolute: mail clients have no base URL.
 */
export default class NotificationMail extends BaseMail {
  constructor(
    private user: User,
    private notification: Notification
  ) {
    super()
    this.subject = notification.title
  }

  prepare() {
    const appUrl = env.get('APP_URL')
    const data = {
      user: this.user,
      notification: this.notification,
      url: new URL(this.notification.url ?? urlFor('notifications.index'), appUrl).href,
      preferencesUrl: urlFor('notification_preferences.edit', {}, { prefixUrl: appUrl }),
    }
    this.message
      .to(this.user.email)
      .htmlView('emails/notification_html', data)
      .textView('emails/notification_text', data)
  }
}
