import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import { DomainError } from '#exceptions/domain_error'
import SendEmailVerification from '#actions/auth/send_email_verification'
import type { UserRole } from '#enums/user_role'

export type RegisterUserData = { username: string; email: string; password: string }

/**
 * Operators (`node ace user:create`) may create any role and skip the
 * verification mail; sign-ups are always unverified members.
 */
export type RegisterUserOptions = { role?: UserRole; verified?: boolean }

const usernameTaken = () =>
  new DomainError('USERNAME_TAKEN', 'This username is already taken', { field: 'username' })
const emailTaken = () =>
  new DomainError('EMAIL_ALREADY_EXISTS', 'An account with this email already exists', {
    field: 'email',
  })

export default class RegisterUser {
  /**
   * Creates the account with its profile and settings rows, and owes the
   * verification mail in the same transaction. Usernames starting with "deleted_" are reserved for
   * anonymised accounts.
   */
  static async handle(data: RegisterUserData, options: RegisterUserOptions = {}) {
    const username = data.username.trim().toLowerCase()
    const email = data.email.trim().toLowerCase()
    if (username.startsWith('deleted_')) throw usernameTaken()

    const user = await db
      .transaction(async (trx) => {
        const created = await User.create(
          {
            username,
            email,
            password: data.password,
            role: options.role ?? 'SLAYER',
            emailVerifiedAt: options.verified ? DateTime.now() : null,
          },
          { client: trx }
        )
        await UserProfile.create({ userId: created.id }, { client: trx })
        await UserSetting.create({ userId: created.id }, { client: trx })
        if (!options.verified) await SendEmailVerification.handle(created, trx)
        return created
      })
      .catch((error) => {
        throw this.#duplicateError(error) ?? error
      })
    return user
  }

  /**
   * The unique indexes on lower(username) and lower(email) are the last
   * word, including when two registrations race.
   */
  static #duplicateError(error: { code?: string; constraint?: string }) {
    if (error.code !== '23505') return null
    if (error.constraint === 'users_username_lower_unique') return usernameTaken()
    if (error.constraint === 'users_email_lower_unique') return emailTaken()
    return null
  }
}
