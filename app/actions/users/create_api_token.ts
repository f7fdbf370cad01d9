import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import type { ApiTokenAbility } from '#enums/api_token_ability'

export type CreateApiTokenData = {
  name: string
  abilities: ApiTokenAbility[]
  expiresInDays: number | null
}

export default class CreateApiToken {
  /**
   * A personal token (A9) for the JSON API. The returned token holds the
   * secret, which is never stored and never shown again.
   */
  static async handle(user: User, data: CreateApiTokenData) {
    const token = await User.accessTokens.create(user, data.abilities, {
      name: data.name,
      expiresIn: data.expiresInDays ? `${data.expiresInDays} days` : undefined,
    })
    // The provider always applies its 30-day default; "never" is cleared here.
    if (data.expiresInDays === null) {
      await db
        .from('auth_access_tokens')
        .where('id', String(token.identifier))
        .update({ expires_at: null })
      token.expiresAt = null
    }
    return token
  }
}
