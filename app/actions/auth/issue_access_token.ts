import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import AuthenticateUser from '#actions/auth/authenticate_user'
import VerifyTwoFactorChallenge from '#actions/auth/verify_two_factor_challenge'

export type IssueAccessTokenData = { uid: string; password: string; otp?: string; ip: string }

/**
 * API sign-in in one request: password, then the second factor when the
 * account has one, then a token carrying every ability (`*`).
 */
export default class IssueAccessToken {
  static async handle({ uid, password, otp, ip }: IssueAccessTokenData) {
    const user = await AuthenticateUser.handle({ uid, password, ip })
    if (user.hasTwoFactorEnabled) {
      if (!otp) {
        throw new DomainError(
          'TWO_FACTOR_REQUIRED',
          'This account uses two-factor authentication: send the current code as `otp`',
          { field: 'otp' }
        )
      }
      await VerifyTwoFactorChallenge.handle(user, otp, ip).catch((error) => {
        throw error instanceof DomainError && error.field === 'code'
          ? new DomainError(error.code, error.message, { field: 'otp' })
          : error
      })
    }
    const token = await User.accessTokens.create(user, ['*'], { name: 'API sign-in' })
    return { user, token }
  }
}
