import hash from '@adonisjs/core/services/hash'
import logger from '@adonisjs/core/services/logger'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import loginGuard from '#actions/auth/login_guard'

export type AuthenticateUserData = { uid: string; password: string; ip: string }

export const INACTIVE_ACCOUNT_MESSAGE =
  'This account has been deactivated. Contact a Corps leader if you think this is a mistake.'

let decoyHash: Promise<string> | undefined

export default class AuthenticateUser {
  /**
   * Checks a sign-in name (email or username) and password. Unknown names
   * cost the same password hash as known ones and get the same answer.
   * With two-factor on, the attempt only completes after the second step
   * (VerifyTwoFactorChallenge), so the failure count is not reset here.
   */
  static async handle({ uid, password, ip }: AuthenticateUserData) {
    const user = await User.findForLogin(uid)
    await loginGuard.assertCanAttempt({ user, uid, ip })

    const valid = user
      ? await hash.verify(user.password, password)
      : await hash.verify(await this.#decoyHash(), password).then(() => false)
    if (!user || !valid) {
      logger.info({ ip, userId: user?.id }, 'failed sign-in')
      throw await loginGuard.recordFailure({ user, uid, ip })
    }

    if (!user.isActive) {
      throw new DomainError('ACCOUNT_INACTIVE', INACTIVE_ACCOUNT_MESSAGE)
    }
    if (!user.hasTwoFactorEnabled) await loginGuard.recordSuccess(user, ip)
    return user
  }

  static #decoyHash() {
    decoyHash ??= hash.make('decoy password for unknown accounts')
    return decoyHash
  }
}
