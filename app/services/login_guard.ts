import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { DomainError } from '#exceptions/domain_error'
import type User from '#models/user'

/**
 * Per-account brute-force protection (A8). Five failures in a row lock an
 * account for 15 minutes; at most 100 failures per hour reach any account.
 * Sign-in names that match no account get the same treatment from the
 * limiter store, so the answers never reveal whether an account exists.
 */
export const MAX_FAILURES_IN_A_ROW = 5
export const LOCK_MINUTES = 15
const MAX_FAILURES_PER_HOUR = 100

const hourlyFailures = () => limiter.use({ requests: MAX_FAILURES_PER_HOUR, duration: '1 hour' })
const unknownAccountFailures = () =>
  limiter.use({ requests: MAX_FAILURES_IN_A_ROW, duration: `${LOCK_MINUTES} minutes` })

function keyFor(user: User | null, uid: string) {
  return user ? `login_user_${user.id}` : `login_uid_${uid.trim().toLowerCase()}`
}

export function accountLocked(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return new DomainError(
    'ACCOUNT_LOCKED',
    `Too many failed sign-in attempts. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`,
    { meta: { retryAfterSeconds: Math.ceil(retryAfterSeconds) } }
  )
}

export function invalidCredentials() {
  return new DomainError('INVALID_CREDENTIALS', 'The sign-in name or password is incorrect.')
}

class LoginGuard {
  /**
   * Refuses an attempt on a locked account before any password is checked.
   */
  async assertCanAttempt(user: User | null, uid: string) {
    if (user?.lockedUntil && user.lockedUntil > DateTime.now()) {
      throw accountLocked(user.lockedUntil.diffNow('seconds').seconds)
    }
    const key = keyFor(user, uid)
    const hourly = await hourlyFailures().get(key)
    if (hourly && hourly.remaining <= 0) throw accountLocked(hourly.availableIn)
    if (!user) {
      const recent = await unknownAccountFailures().get(key)
      if (recent && recent.remaining <= 0) throw accountLocked(recent.availableIn)
    }
  }

  /**
   * Counts a failed password or second-factor code and returns the refusal
   * to answer with: the lock itself once the limit is reached.
   */
  async recordFailure(user: User | null, uid: string): Promise<DomainError> {
    const key = keyFor(user, uid)
    await hourlyFailures().increment(key)

    if (!user) {
      const recent = await unknownAccountFailures().increment(key)
      if (recent.remaining > 0) return invalidCredentials()
      await unknownAccountFailures().block(key, `${LOCK_MINUTES} minutes`)
      return accountLocked(LOCK_MINUTES * 60)
    }

    const [row] = await db
      .from('users')
      .where('id', user.id)
      .increment('failed_login_count', 1)
      .returning('failed_login_count')
    if (row.failed_login_count < MAX_FAILURES_IN_A_ROW) return invalidCredentials()

    await db
      .from('users')
      .where('id', user.id)
      .update({
        failed_login_count: 0,
        locked_until: DateTime.now().plus({ minutes: LOCK_MINUTES }).toJSDate(),
      })
    return accountLocked(LOCK_MINUTES * 60)
  }

  async recordSuccess(user: User) {
    user.failedLoginCount = 0
    user.lockedUntil = null
    user.lastLoginAt = DateTime.now()
    await user.save()
  }
}

export default new LoginGuard()
