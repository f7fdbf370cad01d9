import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import UserToken from '#models/user_token'
import UserSession from '#models/user_session'
import { DomainError } from '#exceptions/domain_error'
import loginGuard from '#actions/auth/login_guard'

export type ResetPasswordData = { token: string; password: string; ip: string }

export default class ResetPassword {
  /**
   * Spends the token and sets the new password, then signs the account out
   * everywhere: web sessions, remember-me and API tokens. The mailed link
   * proves the address, so it also counts as email verification, and lifts
   * the sign-in locks of the account and of the address it came from.
   */
  static async handle({ token, password, ip }: ResetPasswordData) {
    const changed = await db.transaction(async (trx) => {
      const record = await UserToken.usable('password_reset', token, trx).forUpdate().first()
      const user = record
        ? await User.query({ client: trx })
            .where('id', record.userId)
            .whereNull('deleted_at')
            .forUpdate()
            .first()
        : null
      if (!record || !user) {
        throw new DomainError(
          'INVALID_TOKEN',
          'This password reset link is invalid, was already used or has expired. Ask for a new one.'
        )
      }

      user.merge({
        password,
        passwordChangedAt: DateTime.now(),
        emailVerifiedAt: user.emailVerifiedAt ?? DateTime.now(),
      })
      await user.save()
      await record.markUsed()
      await UserSession.endAllOf(user.id, { trx })
      await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      return user
    })
    await loginGuard.forgive(changed, ip)
    return changed
  }
}
