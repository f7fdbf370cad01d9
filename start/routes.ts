/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Pages first (grouped by who may see them), then the JSON API under /api/v1.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

router
  .group(() => {
    router.get('/', [controllers.Home, 'show']).as('home')
  })
  .use(middleware.silentAuth())
