import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import loginGuard from '#actions/auth/login_guard'
import { twoFactor } from '#services/two_factor'

export default class VerifyTwoFactorChallenge {
  /**
   * Second sign-in step: a current TOTP code (each accepted once) or one of
   * the recovery codes (spent on use). Wrong codes count towards the same
   * locks as wrong passwords.
   */
  static async handle(user: User, code: string, ip: string) {
    const attempt = { user, uid: user.username, ip }
    await loginGuard.assertCanAttempt(attempt)
    if (!(await this.#accept(user, code))) {
      const refusal = await loginGuard.recordFailure(attempt)
      if (refusal.code !== 'INVALID_CREDENTIALS') throw refusal
      throw new DomainError(
        'INVALID_TWO_FACTOR_CODE',
        'That code is not valid. Enter the current code from your app, or a recovery code.',
        { field: 'code' }
      )
    }
    await loginGuard.recordSuccess(user, ip)
    return user
  }

  static #accept(user: User, code: string) {
    return db.transaction(async (trx) => {
      const current = await User.query({ client: trx })
        .where('id', user.id)
        .forUpdate()
        .firstOrFail()
      const secret = current.twoFactorSecret
        ? twoFactor.decryptSecret(current.twoFactorSecret)
        : null
      const lastStep = current.twoFactorLastTimeStep ? Number(current.twoFactorLastTimeStep) : null
      const step = secret ? twoFactor.verifyCode(secret, code, lastStep) : null
      if (step) {
        current.twoFactorLastTimeStep = String(step)
        await current.save()
        return true
      }

      const digest = twoFactor.digestRecoveryCode(code)
      const digests = current.recoveryCodeDigests
      if (!digests.includes(digest)) return false
      current.twoFactorRecoveryCodes = JSON.stringify(digests.filter((item) => item !== digest))
      await current.save()
      return true
    })
  }
}
