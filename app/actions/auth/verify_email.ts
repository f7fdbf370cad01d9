import { DateTime } from 'luxon'
import encryption from '@adonisjs/core/services/encryption'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { EMAIL_VERIFICATION_PURPOSE } from '#actions/auth/send_email_verification'

type Payload = { id: string; email: string }

export default class VerifyEmail {
  /**
   * Confirms the address the token was sent to. Using a link twice is
   * harmless: the account simply stays verified.
   */
  static async handle(token: string) {
    const payload = this.#unsign(token)
    const user = payload
      ? await User.query().where('id', payload.id).whereNull('deleted_at').first()
      : null
    if (!user || user.email.toLowerCase() !== payload?.email.toLowerCase()) {
      throw new DomainError(
        'INVALID_TOKEN',
        'This verification link is invalid or has expired. Ask for a new one.'
      )
    }
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = DateTime.now()
      await user.save()
    }
    return user
  }

  static #unsign(token: string) {
    try {
      const payload = encryption
        .getMessageVerifier()
        .unsign<Payload>(token, EMAIL_VERIFICATION_PURPOSE)
      return payload && typeof payload.id === 'string' && typeof payload.email === 'string'
        ? payload
        : null
    } catch {
      return null
    }
  }
}
