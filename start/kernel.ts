/*
|--------------------------------------------------------------------------
| HTTP kernel file
|--------------------------------------------------------------------------
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
  () => import('#middleware/web_session_middleware'),
  () => import('#middleware/web_shield_middleware'),
  () => import('#middleware/refuse_unstorable_text_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/track_session_middleware'),
  () => import('#middleware/navigation_middleware'),
])

export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  apiAuth: () => import('#middleware/api_auth_middleware'),
  idempotency: () => import('#middleware/idempotency_middleware'),
  transmitAuth: () => import('#middleware/transmit_auth_middleware'),
})
