import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import IssueAccessToken from '#actions/auth/issue_access_token'
import { apiLoginValidator } from '#validators/api/auth'
import { serialize } from '#transformers/envelope'
import AuthSessionTransformer from '#transformers/auth_session_transformer'

/**
 * Signing in creates a token; signing out deletes the one used.
 */
export default class AccessTokensController {
  async store({ request }: HttpContext) {
    const { email, username, password, otp } = await request.validateUsing(apiLoginValidator)
    const uid = (email ?? username)!
    const { user, token } = await IssueAccessToken.handle({ uid, password, otp, ip: request.ip() })
    await user.loadProfileAndSettings()
    return serialize(AuthSessionTransformer.transform({ user, token }))
  }

  async destroy({ auth }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return serialize(null, { message: 'Signed out: this token no longer works' })
  }
}
