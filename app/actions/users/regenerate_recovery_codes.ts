import { DomainError } from '#exceptions/domain_error'
import { twoFactor } from '#services/two_factor'
import type User from '#models/user'

export default class RegenerateRecoveryCodes {
  /**
   * Replaces every recovery code (used or not) with ten new ones.
   */
  static async handle(user: User, password: string) {
    await user.assertPassword(password)
    await user.loadProfileAndSettings()
    if (!user.hasTwoFactorEnabled) {
      throw new DomainError('FORBIDDEN', 'Turn on two-factor authentication first.')
    }
    const codes = twoFactor.newRecoveryCodes()
    user.twoFactorRecoveryCodes = JSON.stringify(codes.map(twoFactor.digestRecoveryCode))
    await user.save()
    return codes
  }
}
