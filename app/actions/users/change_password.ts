import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import UserSession from '#models/user_session'
import PasswordChangedNotification from '#mails/password_changed_notification'
import type User from '#models/user'

export type ChangePasswordData = { currentPassword: string; password: string }

export default class ChangePassword {
  /**
   * Sets a new password after checking the current one, signs out every
   * other browser (ASVS: end other sessions after a password change) and
   * tells the owner by mail.
   */
  static async handle(user: User, data: ChangePasswordData, keepSessionId?: string) {
    await user.assertPassword(data.currentPassword, 'currentPassword')
    user.password = data.password
    user.passwordChangedAt = DateTime.now()
    await user.save()
    await UserSession.endAllOf(user.id, { exceptId: keepSessionId })

    const resetUrl = urlFor('password_reset.create', {}, { prefixUrl: env.get('APP_URL') })
    await mail.sendLater(new PasswordChangedNotification(user, resetUrl))
    return user
  }
}
