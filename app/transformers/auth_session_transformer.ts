import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import UserTransformer from '#transformers/user_transformer'

/**
 * Register and login: the member and the Bearer token to use from now on.
 */
export default class AuthSessionTransformer extends BaseTransformer<{
  user: User
  token: AccessToken
}> {
  toObject() {
    return {
      user: UserTransformer.transform(this.resource.user).depth(2),
      token: this.resource.token.value!.release(),
      expiresAt: this.resource.token.expiresAt?.toISOString() ?? null,
    }
  }
}
