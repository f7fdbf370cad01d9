import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import { typedKey } from '#start/limiter'
import { DomainError } from '#exceptions/domain_error'
import type User from '#models/user'

/**
 * Brute-force protection for signing in (A8) that a stranger cannot turn
 * against the owner:
 * - five failures in a row from one address on one account lock that pair
 *   (address, account) for 15 minutes; the owner signing in from elsewhere
 *   is not affected;
 * - at most 100 failures an hour reach one account from all addresses
 *   together (OWASP ASVS L2). Past that ceiling the account refuses, for the
 *   rest of the hour, every address it has not seen sign in during the last
 *   30 days: the owner's usual address still gets in, a stranger's does not.
 * Counters live in the limiter store, shared by every process. Sign-in names
 * that match no account are counted the same way under the name, so the
 * answers never reveal whether an account exists.
 */
export const MAX_FAILURES_IN_A_ROW = 5
export const LOCK_MINUTES = 15
export const MAX_FAILURES_PER_HOUR = 100
const KNOWN_ADDRESS_DAYS = 30

const pairFailures = () =>
  limiter.use({ requests: MAX_FAILURES_IN_A_ROW, duration: `${LOCK_MINUTES} minutes` })
const accountFailures = () => limiter.use({ requests: MAX_FAILURES_PER_HOUR, duration: '1 hour' })
/**
 * Where each account signed in successfully: an expiring record in the same
 * shared store, one entry per (account, address).
 */
const knownAddresses = () => limiter.use({ requests: 1, duration: `${KNOWN_ADDRESS_DAYS} days` })

export type SignInAttempt = { user: User | null; uid: string; ip: string }

function keysFor({ user, uid, ip }: SignInAttempt) {
  const account = user ? user.id : `name_${typedKey(uid)}`
  return {
    pair: `login_pair_${account}_${ip}`,
    account: `login_account_${account}`,
    known: `login_known_${account}_${ip}`,
  }
}

function accountLocked(retryAfterSeconds: number, scope: 'pair' | 'account') {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  const duration = `${minutes} more minute${minutes === 1 ? '' : 's'}`
  const message =
    scope === 'pair'
      ? `Too many failed sign-in attempts from your address. Signing in to this account from here is locked for ${duration}.`
      : `Too many failed sign-in attempts on this account. It is locked for ${duration} for addresses it has not signed in from lately; sign in from one you have used before, or reset your password.`
  return new DomainError('ACCOUNT_LOCKED', message, {
    meta: { retryAfterSeconds: Math.ceil(retryAfterSeconds) },
  })
}

function invalidCredentials() {
  return new DomainError('INVALID_CREDENTIALS', 'The sign-in name or password is incorrect.')
}

class LoginGuard {
  /**
   * Refuses an attempt from a locked pair, or from an unknown address once
   * the account's hourly ceiling is reached, before any password is checked.
   */
  async assertCanAttempt(attempt: SignInAttempt) {
    const keys = keysFor(attempt)
    const pair = await pairFailures().get(keys.pair)
    if (pair && pair.remaining <= 0) throw accountLocked(pair.availableIn, 'pair')
    const account = await accountFailures().get(keys.account)
    if (account && account.remaining <= 0 && !(await knownAddresses().get(keys.known))) {
      throw accountLocked(account.availableIn, 'account')
    }
  }

  /**
   * Counts a failed password or second-factor code against the pair and the
   * account, and returns the refusal to answer with: the pair's lock once
   * it is reached.
   */
  async recordFailure(attempt: SignInAttempt): Promise<DomainError> {
    const keys = keysFor(attempt)
    await accountFailures().increment(keys.account)
    const pair = await pairFailures().increment(keys.pair)
    if (pair.remaining > 0) return invalidCredentials()
    await pairFailures().block(keys.pair, `${LOCK_MINUTES} minutes`)
    return accountLocked(LOCK_MINUTES * 60, 'pair')
  }

  /**
   * A complete sign-in starts the pair's count afresh and makes the address
   * a known one for the account.
   */
  async recordSuccess(user: User, ip: string) {
    const keys = keysFor({ user, uid: user.username, ip })
    await pairFailures().delete(keys.pair)
    await knownAddresses().set(keys.known, 1, `${KNOWN_ADDRESS_DAYS} days`)
    user.lastLoginAt = DateTime.now()
    await user.save()
  }

  /**
   * A password reset proves the owner: their account and the address they
   * reset from start afresh.
   */
  async forgive(user: User, ip: string) {
    const keys = keysFor({ user, uid: user.username, ip })
    await accountFailures().delete(keys.account)
    await pairFailures().delete(keys.pair)
  }
}

export default new LoginGuard()
