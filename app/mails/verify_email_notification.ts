import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'

export default class VerifyEmailNotification extends BaseMail {
  subject = 'Confirm your email address for Corps'

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
      .htmlView('emails/verify_email_html', data)
      .textView('emails/verify_email_text', data)
  }
}
