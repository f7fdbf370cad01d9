import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLike } from 'luxon'
import { UserTokenSchema } from '#database/schema'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'

export type UserTokenPurpose = 'password_reset'

/**
 * A single-use secret mailed to a member. The plain value leaves the server
 * once, in the mail; only its SHA-256 is stored, so a database leak does not
 * hand out working links.
 */
export default class UserToken extends UserTokenSchema {
  static digest(plain: string) {
    return createHash('sha256').update(plain).digest('hex')
  }

  /**
   * Replaces any unused token of the same purpose (only the newest link
   * works) and returns the plain value to mail.
   */
  static async issue(
    user: User,
    purpose: UserTokenPurpose,
    lifetime: DurationLike,
    trx?: TransactionClientContract
  ) {
    const plain = randomBytes(32).toString('base64url')
    await this.query({ client: trx })
      .where('user_id', user.id)
      .where('purpose', purpose)
      .whereNull('used_at')
      .delete()
    await this.create(
      {
        userId: user.id,
        purpose,
        tokenHash: this.digest(plain),
        expiresAt: DateTime.now().plus(lifetime),
      },
      { client: trx }
    )
    return plain
  }

  /**
   * The unused, unexpired token matching the plain value. Spend it inside a
   * transaction with `.forUpdate()` so two requests cannot both use it.
   */
  static usable(purpose: UserTokenPurpose, plain: string, trx?: TransactionClientContract) {
    return this.query({ client: trx })
      .where('token_hash', this.digest(plain))
      .where('purpose', purpose)
      .whereNull('used_at')
      .where('expires_at', '>', DateTime.now().toSQL())
  }

  async markUsed() {
    this.usedAt = DateTime.now()
    await this.save()
  }
}
