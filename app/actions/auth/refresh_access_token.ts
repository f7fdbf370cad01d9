import db from '@adonisjs/lucid/services/db'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import LiveAccess from '#services/live_access'

/**
 * Replaces the token the caller used with a new one that has the same name,
 * abilities and lifetime (a token that never expired still never does).
 * The old row is deleted first, under its row lock, so two concurrent
 * refreshes of one token yield one new token, not two; streams opened with
 * it end (the client subscribes again with the new one).
 */
export default class RefreshAccessToken {
  static async handle(user: User, current: AccessToken) {
    return db.transaction(async (trx) => {
      const deleted = await trx
        .from('auth_access_tokens')
        .where({ id: String(current.identifier), tokenable_id: user.id })
        .delete()
      if (!deleted) {
        throw new DomainError('INVALID_TOKEN', 'This token was already refreshed or revoked')
      }

      const token = await User.accessTokens.create(user, current.abilities, {
        name: current.name ?? undefined,
        expiresIn: current.expiresAt ? lifetimeInSeconds(current) : undefined,
      })
      if (!current.expiresAt) {
        await trx
          .from('auth_access_tokens')
          .where('id', String(token.identifier))
          .update({ expires_at: null })
        token.expiresAt = null
      }
      LiveAccess.memberChanged(user.id, { trx })
      return token
    })
  }
}

function lifetimeInSeconds(token: AccessToken) {
  const seconds = (token.expiresAt!.getTime() - token.createdAt.getTime()) / 1000
  return Math.max(60, Math.round(seconds))
}
