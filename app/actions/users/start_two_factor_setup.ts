import { twoFactor } from '#services/two_factor'
import type User from '#models/user'

export default class StartTwoFactorSetup {
  /**
   * Stores a fresh secret, encrypted; two-factor stays off until a code
   * from the authenticator app proves the member scanned it.
   */
  static async handle(user: User) {
    await user.loadProfileAndSettings()
    if (user.hasTwoFactorEnabled) return user
    user.twoFactorSecret = twoFactor.encryptSecret(twoFactor.newSecret())
    user.twoFactorRecoveryCodes = null
    user.twoFactorLastTimeStep = null
    await user.save()
    return user
  }
}
