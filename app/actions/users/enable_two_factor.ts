import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import { twoFactor } from '#services/two_factor'
import type User from '#models/user'

export default class EnableTwoFactor {
  /**
   * Turns two-factor on once a code matches the pending secret and returns
   * the ten recovery codes, the only time they exist in plain text.
   */
  static async handle(user: User, code: string) {
    await user.loadProfileAndSettings()
    const secret = user.twoFactorSecret ? twoFactor.decryptSecret(user.twoFactorSecret) : null
    const step = secret && !user.hasTwoFactorEnabled ? twoFactor.verifyCode(secret, code) : null
    if (!step) {
      throw new DomainError(
        'INVALID_TWO_FACTOR_CODE',
        'That code does not match. Scan the QR code again and enter the 6-digit code your app shows now.',
        { field: 'code' }
      )
    }

    const codes = twoFactor.newRecoveryCodes()
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.twoFactorRecoveryCodes = JSON.stringify(codes.map(twoFactor.digestRecoveryCode))
      user.twoFactorLastTimeStep = String(step)
      await user.save()
      user.settings.useTransaction(trx)
      user.settings.twoFactorEnabled = true
      await user.settings.save()
    })
    return codes
  }
}
