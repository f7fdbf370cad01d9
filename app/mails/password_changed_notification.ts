import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'

/**
 * Tells the owner their password changed, so a takeover does not go unnoticed.
 */
export default class PasswordChangedNotification extends BaseMail {
  subject = 'Your Corps password was changed'

  constructor(
    readonly user: User,
    readonly url: string
  ) {
    super()
  }

  prepare() {
    const data = { user: this.user, url: this.url }
    this.message
      .to(this.user.email)
      .htmlView('emails/password_changed_html', data)
      .textView('emails/password_changed_text', data)
  }
}
