import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import UserSession from '#models/user_session'
import AccountMailJob from '#jobs/account_mail_job'
import type User from '#models/user'

export type ChangePasswordData = { currentPassword: string; password: string }

export default class ChangePassword {
  /**
   * Sets a new password after checking the current one, signs out every
   * other browser (ASVS: end other sessions after a password change) and
   * tells the owner by mail: the mail is owed in the same transaction as
   * the change, so a change is never left untold.
   */
  static async handle(user: User, data: ChangePasswordData, keepSessionId?: string) {
    await user.assertPassword(data.currentPassword, 'currentPassword')
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.password = data.password
      user.passwordChangedAt = DateTime.now()
      await user.save()
      await UserSession.endAllOf(user.id, { exceptId: keepSessionId, trx })
      await AccountMailJob.push({ mail: 'password_changed', userId: user.id }, trx)
    })
    return user
  }
}
