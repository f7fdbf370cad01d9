import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

export default class DisableTwoFactor {
  /**
   * Turns two-factor off after the password is confirmed, forgetting the
   * secret and the recovery codes.
   */
  static async handle(user: User, password: string) {
    await user.assertPassword(password)
    await user.loadProfileAndSettings()
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.merge({
        twoFactorSecret: null,
        twoFactorRecoveryCodes: null,
        twoFactorLastTimeStep: null,
      })
      await user.save()
      user.settings.useTransaction(trx)
      user.settings.twoFactorEnabled = false
      await user.settings.save()
    })
    return user
  }
}
