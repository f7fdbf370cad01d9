import encryption from '@adonisjs/core/services/encryption'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import AccountMailJob from '#jobs/account_mail_job'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'

export const EMAIL_VERIFICATION_PURPOSE = 'email_verification'
export const EMAIL_VERIFICATION_LIFETIME = '24 hours'

/**
 * Mails a link carrying a signed, expiring token bound to the account and
 * the address it was sent to: changing the email voids older links.
 */
export default class SendEmailVerification {
  static async handle(user: User, trx?: TransactionClientContract) {
    if (user.isVerified) return
    await AccountMailJob.push({ mail: 'verify_email', userId: user.id }, trx)
  }

  /**
   * The link, signed when the mail is sent (AccountMailJob), so no token
   * waits in the job outbox.
   */
  static url(user: User) {
    const token = encryption
      .getMessageVerifier()
      .sign(
        { id: user.id, email: user.email },
        EMAIL_VERIFICATION_LIFETIME,
        EMAIL_VERIFICATION_PURPOSE
      )
    return urlFor('email_verification.show', {}, { qs: { token }, prefixUrl: env.get('APP_URL') })
  }
}
