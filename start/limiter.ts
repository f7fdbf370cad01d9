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
export const globalApiThrottle = limiter.define('api', (ctx) =>
  limiter.allowRequests(600).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
)
