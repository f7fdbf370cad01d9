import type { HttpContext } from '@adonisjs/core/http'
import RefreshAccessToken from '#actions/auth/refresh_access_token'
import { serialize } from '#transformers/envelope'
import AccessTokenTransformer from '#transformers/access_token_transformer'

export default class TokenRefreshesController {
  async store({ auth }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const token = await RefreshAccessToken.handle(user, user.currentAccessToken)
    return serialize(AccessTokenTransformer.transform(token))
  }
}
