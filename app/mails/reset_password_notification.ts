import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'

export default class ResetPasswordNotification extends BaseMail {
  subject = 'Reset your Corps password'

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
      .htmlView('emails/reset_password_html', data)
      .textView('emails/reset_password_text', data)
  }
}
