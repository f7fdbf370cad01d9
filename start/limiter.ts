/*
|--------------------------------------------------------------------------
| Throttles
|--------------------------------------------------------------------------
|
| Per-address throttles for the account endpoints and the API, and the
| per-member budgets that `middleware.memberThrottle()` enforces on the
| signed-in routes of pages and API alike. docs/limits.md lists them all;
| sign-in failures are limited in app/actions/auth/login_guard.ts.
*/
import { createHash } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'

/**
 * A limiter key part made from what someone typed (a sign-in name, an email
 * address): a digest keeps the key within the store's 255 characters and
 * keeps what was typed (sometimes a password, by mistake) out of the store.
 */
export function typedKey(text: string) {
  return createHash('sha256').update(text.trim().toLowerCase()).digest('base64url')
}

export const authThrottle = limiter.define('auth', (ctx) =>
  limiter
    .allowRequests(20)
    .every('1 minute')
    .usingKey(`ip_${ctx.request.ip()}`)
    .limitExceeded((error) => error.setMessage('Too many attempts.'))
)
/**
 * Verification mails per member: a few resends, not an inbox flood.
 */
export const verificationMailThrottle = limiter.define('verification_mail', (ctx) =>
  limiter
    .allowRequests(3)
    .every('15 minutes')
    .usingKey(`user_${ctx.auth.user?.id ?? ctx.request.ip()}`)
    .limitExceeded((error) => error.setMessage('Too many attempts.'))
)
export const API_CALLS_PER_ADDRESS_A_MINUTE = 600
export const globalApiThrottle = limiter.define('api', (ctx) =>
  limiter
    .allowRequests(API_CALLS_PER_ADDRESS_A_MINUTE)
    .every('1 minute')
    .usingKey(`ip_${ctx.request.ip()}`)
    .limitExceeded((error) => error.setMessage('Too many requests from this address.'))
)

export type MemberBudget = {
  requests: number
  every: string
  /** Says what ran out, as "You can make <requests> <what> <per>." */
  what: string
  per: string
  /** Named routes of pages and API that spend this budget (one budget for both). */
  routes?: string[]
}

/**
 * Budgets per member, whichever address or token the requests come from.
 * Each write route named here spends its kind's budget; every other write
 * of a signed-in member spends `writes`, and every API request of a token
 * holder spends `api`. A new kind (check-ins, orders) is one more line:
 * `checkins: { requests: 5, every: '1 hour', what: 'check-ins', per: 'an hour', routes: [...] }`.
 */
export const MEMBER_BUDGETS = {
  comments: {
    requests: 10,
    every: '1 minute',
    what: 'comments',
    per: 'a minute',
    routes: ['bounty_comments.store', 'api.bounties.comments.store'],
  },
  bounties: {
    requests: 20,
    every: '1 hour',
    what: 'new bounties',
    per: 'an hour',
    routes: ['bounties.store', 'api.bounties.store'],
  },
  tips: {
    requests: 30,
    every: '1 hour',
    what: 'tips',
    per: 'an hour',
    routes: ['tips.store', 'api.tips.store'],
  },
  withdrawals: {
    requests: 5,
    every: '1 hour',
    what: 'withdrawal requests',
    per: 'an hour',
    routes: ['wallet_withdrawals.store', 'api.wallet.withdraw'],
  },
  uploads: {
    requests: 30,
    every: '1 hour',
    what: 'uploads',
    per: 'an hour',
    routes: [
      'bounty_attachments.store',
      'bounty_submissions.store',
      'avatar.update',
      'api.files.upload',
      'api.users.update_avatar',
    ],
  },
  writes: { requests: 60, every: '1 minute', what: 'changes', per: 'a minute' },
  api: { requests: 600, every: '1 minute', what: 'API requests', per: 'a minute' },
} satisfies Record<string, MemberBudget>

export type MemberBudgetName = keyof typeof MEMBER_BUDGETS
