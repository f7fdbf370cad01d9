import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import LiveAccess from '#services/live_access'

/**
 * How stale a token's "last used" may get before a request records it.
 */
export const LAST_USED_EVERY_MS = 60_000

/**
 * @adonisjs/auth's database token provider, with one change to verifying a
 * token: "last used" is written only for a token whose secret matched and
 * that has not expired (the library wrote it before checking, so anyone
 * knowing a token's id could move it: docs/upstream.md), and at most once a
 * minute per token (the library wrote it on every API request). Deleting
 * tokens also ends the live streams they opened (LiveAccess).
 */
export class AccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async delete(user: InstanceType<TokenableModel>, identifier: string | number | BigInt) {
    const deleted = await super.delete(user, identifier)
    LiveAccess.memberChanged(String(user.$primaryKeyValue))
    return deleted
  }

  async deleteAll(user: InstanceType<TokenableModel>) {
    const deleted = await super.deleteAll(user)
    LiveAccess.memberChanged(String(user.$primaryKeyValue))
    return deleted
  }

  async verify(tokenValue: Secret<string>) {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null
    const db = await this.getDb()
    const row = await db
      .query()
      .from(this.table)
      .where({ id: decoded.identifier, type: this.type })
      .limit(1)
      .first()
    if (!row) return null

    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const now = new Date()
    const lastUsed = token.lastUsedAt?.getTime() ?? 0
    if (now.getTime() - lastUsed >= LAST_USED_EVERY_MS) {
      await db
        .from(this.table)
        .where({ id: token.identifier, type: this.type })
        .update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
