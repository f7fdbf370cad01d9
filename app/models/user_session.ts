import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { MessageBuilder } from '@adonisjs/core/helpers'
import { SessionSchema } from '#database/schema'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import LiveAccess from '#services/live_access'

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/HeadlessChrome/, 'Headless Chrome'],
  [/Chrome\/|CriOS/, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
]

/**
 * A server-side session row, written by the session package's
 * database store. Corps adds who it belongs to and the device details shown
 * on the sessions page (see TrackSessionMiddleware).
 */
export default class UserSession extends SessionSchema {
  static table = 'sessions'

  /**
   * Live sessions of one member, most recently seen first.
   */
  static ofUser(userId: string) {
    return this.query()
      .where('user_id', userId)
      .where('expires_at', '>', new Date())
      .orderByRaw('last_seen_at DESC NULLS LAST')
  }

  /**
   * Tags the session with its member and records the device. The row may not
   * exist yet (the store writes it at the end of the request), so this is an
   * upsert that leaves the store's own columns alone on conflict.
   */
  static async record(values: {
    id: string
    userId: string
    ipAddress: string
    userAgent: string | null
    rememberMeTokenId: number | null
    ttlSeconds: number
  }) {
    await db
      .insertQuery()
      .table(this.table)
      .insert({
        id: values.id,
        user_id: values.userId,
        data: new MessageBuilder().build({}, undefined, values.id),
        expires_at: new Date(Date.now() + values.ttlSeconds * 1000),
        ip_address: values.ipAddress,
        user_agent: values.userAgent?.slice(0, 500) ?? null,
        remember_me_token_id: values.rememberMeTokenId,
        last_seen_at: new Date(),
      })
      .knexQuery.onConflict('id')
      .merge(['user_id', 'ip_address', 'user_agent', 'remember_me_token_id', 'last_seen_at'])
  }

  /**
   * Ends every session of a member but `exceptId`, and every remember-me
   * token but the one bound to the kept session, so no other browser can
   * silently sign in again; their live streams end with them.
   */
  static async endAllOf(
    userId: string,
    options: { exceptId?: string; trx?: TransactionClientContract } = {}
  ) {
    const client = options.trx ?? db.connection()
    const kept = options.exceptId
      ? await client.from(this.table).where('id', options.exceptId).where('user_id', userId).first()
      : null

    await client
      .from(this.table)
      .where('user_id', userId)
      .if(kept, (query) => query.whereNot('id', kept.id))
      .delete()
    await client
      .from('remember_me_tokens')
      .where('tokenable_id', userId)
      .if(kept?.remember_me_token_id, (query) => query.whereNot('id', kept.remember_me_token_id))
      .delete()
    LiveAccess.memberChanged(userId, { trx: options.trx })
  }

  /**
   * Signs a deactivated member out of every browser at once, with `message`
   * waiting in each: the sessions become guest sessions carrying only that
   * flash message, so the member's next page load lands on the login page
   * saying why. Remember-me tokens end too; live streams are re-checked
   * after the commit.
   */
  static async signOutAllOf(userId: string, message: string, trx: TransactionClientContract) {
    const rows: { id: string }[] = await trx.from(this.table).where('user_id', userId).select('id')
    for (const { id } of rows) {
      await trx
        .from(this.table)
        .where('id', id)
        .update({
          user_id: null,
          remember_me_token_id: null,
          data: new MessageBuilder().build({ __flash__: { error: message } }, undefined, id),
        })
    }
    await trx.from('remember_me_tokens').where('tokenable_id', userId).delete()
    LiveAccess.memberChanged(userId, { trx })
  }

  /**
   * An identifier safe to put in a page: the session id itself is the
   * cookie value and must never be shown.
   */
  get publicId() {
    return createHash('sha256').update(this.id).digest('hex').slice(0, 32)
  }

  get device() {
    const agent = this.userAgent ?? ''
    const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1]
    const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1]
    if (browser && system) return `${browser} on ${system}`
    return browser ?? system ?? 'Unknown device'
  }

  get lastActiveAt() {
    return this.lastSeenAt ?? this.createdAt
  }

  /**
   * Ends this session, the remember-me token of the same browser and the
   * live streams it opened.
   */
  async revoke() {
    if (this.rememberMeTokenId) {
      await db.from('remember_me_tokens').where('id', this.rememberMeTokenId).delete()
    }
    await this.delete()
    if (this.userId) LiveAccess.memberChanged(this.userId)
  }
}
