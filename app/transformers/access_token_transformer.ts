import { BaseTransformer } from '@adonisjs/core/transformers'
import type { AccessToken } from '@adonisjs/auth/access_tokens'

/**
 * The secret is readable only right after the token was created: this is
 * the one response that ever shows it.
 */
export default class AccessTokenTransformer extends BaseTransformer<AccessToken> {
  toObject() {
    return {
      token: this.resource.value!.release(),
      expiresAt: this.resource.expiresAt?.toISOString() ?? null,
    }
  }
}
