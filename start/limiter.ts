/*
|--------------------------------------------------------------------------
| Throttles
|--------------------------------------------------------------------------
|
| Per-IP throttles for the account endpoints (A8). Per-account limits and the
| temporary lock live in app/services/login_guard.ts.
*/
import limiter from '@adonisjs/limiter/services/main'

export const authThrottle = limiter.define('auth', (ctx) =>
  limiter.allowRequests(20).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
)
/**
 * Verification mails per member: a few resends, not an inbox flood.
 */
export const verificationMailThrottle = limiter.define('verification_mail', (ctx) =>
  limiter
    .allowRequests(3)
    .every('15 minutes')
    .usingKey(`user_${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
export const globalApiThrottle = limiter.define('api', (ctx) =>
  limiter.allowRequests(600).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
)
