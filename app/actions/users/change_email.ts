import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import SendEmailVerification from '#actions/auth/send_email_verification'

const emailTaken = () =>
  new DomainError('EMAIL_ALREADY_EXISTS', 'An account with this email already exists', {
    field: 'email',
  })

export type ChangeEmailData = { email: string; password: string }

export default class ChangeEmail {
  /**
   * Switches the account to a new address, which must be verified again
   * before member actions are allowed; the verification mail is owed in the
   * same transaction.
   */
  static async handle(user: User, data: ChangeEmailData) {
    await user.assertPassword(data.password)
    const email = data.email.trim().toLowerCase()
    if (email === user.email.toLowerCase()) {
      await SendEmailVerification.handle(user)
      return user
    }

    const taken = await db.from('users').whereRaw('lower(email) = ?', [email]).first()
    if (taken) throw emailTaken()
    await db
      .transaction(async (trx) => {
        user.useTransaction(trx)
        user.email = email
        user.emailVerifiedAt = null
        await user.save()
        await SendEmailVerification.handle(user, trx)
      })
      .catch((error) => {
        throw error.code === '23505' ? emailTaken() : error
      })
    return user
  }
}
