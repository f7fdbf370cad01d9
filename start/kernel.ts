/*
|--------------------------------------------------------------------------
| HTTP kernel file
|--------------------------------------------------------------------------
|
| Global middleware is only what every route needs. Pages, the JSON API and
| Transmit's routes each get their own stack from the group that holds them
| (`stacks` below, applied in start/routes.ts and start/transmit.ts).
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('#middleware/request_logger_middleware'),
  () => import('#middleware/health_check_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  shieldHeaders: () => import('#middleware/shield_headers_middleware'),
  pageHeaders: () => import('#middleware/page_headers_middleware'),
  refuseUnstorableText: () => import('#middleware/refuse_unstorable_text_middleware'),
  trackSession: () => import('#middleware/track_session_middleware'),
  navigation: () => import('#middleware/navigation_middleware'),
  impersonation: () => import('#middleware/impersonation_middleware'),
  liveSession: () => import('#middleware/live_session_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  apiAuth: () => import('#middleware/api_auth_middleware'),
  idempotency: () => import('#middleware/idempotency_middleware'),
  memberThrottle: () => import('#middleware/member_throttle_middleware'),
  transmitAuth: () => import('#middleware/transmit_auth_middleware'),
})

/**
 * What each kind of route gets, on the top-level group that holds it:
 * - `web`, pages: a session (database store), every shield guard with CSRF,
 *   unstorable text refused as form errors, the sessions page kept current,
 *   the page helpers (Bouncer's `@can`, the header's lazy values), and the
 *   impersonation banner and its refusal of money pages;
 * - `api`, /api/v1: Bearer tokens only, so no session and no CSRF; shield's
 *   headers, and unstorable text in the query refused as a field (422);
 * - `live`, Transmit's routes: the pages' session and shield for a browser
 *   with its cookie, the API's treatment for a token client
 *   (LiveSessionMiddleware), then the stream owner (TransmitAuthMiddleware).
 */
export const stacks = {
  web: () => [
    middleware.session(),
    middleware.shield(),
    middleware.pageHeaders(),
    middleware.refuseUnstorableText(),
    middleware.trackSession(),
    middleware.navigation(),
    middleware.impersonation(),
  ],
  api: () => [middleware.shieldHeaders(), middleware.refuseUnstorableText({ queryIsInput: true })],
  live: () => [
    middleware.liveSession(),
    middleware.refuseUnstorableText(),
    middleware.transmitAuth(),
  ],
}
