import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'
import ResetPasswordNotification from '#mails/reset_password_notification'
import PasswordChangedNotification from '#mails/password_changed_notification'
import SendEmailVerification from '#actions/auth/send_email_verification'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import { OutboxJob } from '#services/outbox'

/**
 * Each account mail, built when it is sent: links carrying a token are
 * made then, so the outbox and the queue hold no secret. Null when the
 * mail no longer applies (the address was verified meanwhile, the account
 * closed).
 */
const MAILS = {
  verify_email: async (user: User) =>
    user.isVerified ? null : new VerifyEmailNotification(user, SendEmailVerification.url(user)),
  reset_password: async (user: User) =>
    user.deletedAt || !user.isActive
      ? null
      : new ResetPasswordNotification(user, await RequestPasswordReset.url(user)),
  password_changed: async (user: User) =>
    new PasswordChangedNotification(
      user,
      urlFor('password_reset.create', {}, { prefixUrl: env.get('APP_URL') })
    ),
}

export type AccountMail = { mail: keyof typeof MAILS; userId: string }

/**
 * The account's own mails: address verification, password reset, password
 * changed.
 */
export default class AccountMailJob extends OutboxJob<AccountMail> {
  static options = { name: 'AccountMailJob' }

  async handle({ mail: kind, userId }: AccountMail) {
    const user = await User.find(userId)
    const message = user && (await MAILS[kind](user))
    if (message) await mail.send(message)
  }
}
