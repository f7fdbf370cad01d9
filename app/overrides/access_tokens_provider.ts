import {
  AccessToken,
  AccessTokensLucidUserProvider,
  DbAccessTokensProvider,
} from '@adonisjs/auth/access_tokens'
import type { LucidTokenable } from '@adonisjs/auth/types/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import LiveAccess from '#services/live_access'
import { prefixedColumns, takePrefixed } from '#services/prefixed_columns'

/**
 * How stale a token's "last used" may get before a request records it.
 */
export const LAST_USED_EVERY_MS = 60_000

const TOKEN_COLUMNS = [
  'id',
  'tokenable_id',
  'type',
  'name',
  'hash',
  'abilities',
  'created_at',
  'updated_at',
  'last_used_at',
  'expires_at',
]

/**
 * @adonisjs/auth's database token provider, with two changes to verifying a
 * token:
 * - "last used" is written only for a token whose secret matched and that
 *   has not expired (the library wrote it before checking, so anyone
 *   knowing a token's id could move it: docs/upstream.md), and at most once
 *   a minute per token (the library wrote it on every API request);
 * - the token's owner is read in the same query (`verifyWithOwner`), which
 *   `TokensUserProvider` hands to the guard: the library reads the token,
 *   then the member, two round trips before every API call does anything.
 * Deleting tokens also ends the live streams they opened (LiveAccess).
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
    const verified = await this.verifyWithOwner(tokenValue)
    return verified?.token ?? null
  }

  /**
   * The token `tokenValue` names, if its secret matches and it has not
   * expired, with the member it belongs to.
   */
  async verifyWithOwner(
    tokenValue: Secret<string>
  ): Promise<{ token: AccessToken; owner: InstanceType<TokenableModel> } | null> {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null
    const model = this.options.tokenableModel
    const owners = model.table
    const db = await this.getDb()
    const row = await db
      .from(this.table)
      .join(owners, `${owners}.${model.primaryKey}`, `${this.table}.tokenable_id`)
      .where(`${this.table}.id`, decoded.identifier)
      .where(`${this.table}.type`, this.type)
      .select(`${owners}.*`, db.raw(prefixedColumns(this.table, TOKEN_COLUMNS, 'token')))
      .first()
    if (!row) return null

    const tokenRow = takePrefixed(row, 'token')!
    const token = this.dbRowToAccessToken(tokenRow as Parameters<typeof this.dbRowToAccessToken>[0])
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
    const ownerRow = Object.fromEntries(
      Object.entries(row).filter(([key]) => !key.startsWith('token.'))
    )
    const owner = model.$createFromAdapterResult(ownerRow) as InstanceType<TokenableModel>
    return { token, owner }
  }
}

/**
 * The tokens guard's user provider, handing the member read with the token
 * (`verifyWithOwner`) to the `findById` the guard calls right after
 * `verifyToken`, so an API call reads both in one query. The hand-over is
 * keyed by member id and taken once; a request that finds nothing there
 * (another request of the same member took it in between) reads the member
 * itself, as the library does. Either way the row is that member's, read
 * during this request.
 */
export class TokensUserProvider<
  TokenableProperty extends string,
  UserModel extends LucidTokenable<TokenableProperty>,
> extends AccessTokensLucidUserProvider<TokenableProperty, UserModel> {
  #verified = new Map<string, LucidRow>()

  async verifyToken(tokenValue: Secret<string>) {
    const tokens = await this.getTokensProvider()
    if (!(tokens instanceof AccessTokensProvider)) return super.verifyToken(tokenValue)
    const verified = await tokens.verifyWithOwner(tokenValue)
    if (!verified) return null
    this.#verified.set(String(verified.token.tokenableId), verified.owner)
    return verified.token
  }

  async findById(identifier: string | number | BigInt) {
    const key = String(identifier)
    const owner = this.#verified.get(key)
    if (!owner) return super.findById(identifier)
    this.#verified.delete(key)
    return this.createUserForGuard(owner as InstanceType<UserModel>)
  }
}
