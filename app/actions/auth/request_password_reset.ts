import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { typedKey } from '#start/limiter'
import User from '#models/user'
import UserToken from '#models/user_token'
import AccountMailJob from '#jobs/account_mail_job'

/**
 * At most three reset mails per address and hour, so the form cannot be
 * used to flood someone's inbox. The caller is never told either way.
 */
const MAILS_PER_HOUR = 3
const mailsPerAddress = () => limiter.use({ requests: MAILS_PER_HOUR, duration: '1 hour' })

export default class RequestPasswordReset {
  /**
   * Mails a single-use link valid for one hour when the address belongs to
   * an active account. Answers the same way, in about the same time, when
   * it does not.
   */
  static async handle(email: string) {
    const address = email.trim().toLowerCase()
    const allowance = await mailsPerAddress().increment(`password_reset_${typedKey(address)}`)
    const user = await User.query()
      .whereRaw('lower(email) = ?', [address])
      .whereNull('deleted_at')
      .where('is_active', true)
      .first()
    if (!user || allowance.consumed > MAILS_PER_HOUR) return

    await AccountMailJob.push({ mail: 'reset_password', userId: user.id })
  }

  /**
   * The single-use link, issued when the mail is sent (AccountMailJob), so
   * no token waits in the job outbox; a newer one replaces older ones.
   */
  static async url(user: User) {
    const token = await UserToken.issue(user, 'password_reset', { hours: 1 })
    return urlFor('password_reset.edit', { token }, { prefixUrl: env.get('APP_URL') })
  }
}
