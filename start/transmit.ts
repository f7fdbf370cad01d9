/*
|--------------------------------------------------------------------------
| Live events: Transmit routes and channel authorisation
|--------------------------------------------------------------------------
|
| Channels (the API contract's "Live events"):
|   users/:id/notifications  only that member
|   bounties/:id             whoever may see the bounty (drafts: the author)
|   board                    everyone: only bounties everyone may see go there
|
| Subscribing to anything else is refused. A subscribe answers 204, or 400
| for any refusal (Transmit does not say why).
*/
import { fileURLToPath } from 'node:url'
import router from '@adonisjs/core/services/router'
import transmit from '@adonisjs/transmit/services/main'
import { stacks } from '#start/kernel'
import { controllers } from '#generated/controllers'
import Bounty from '#models/bounty'
import liveStreams from '#overrides/live_streams'
import { isLiveChannel } from '#services/broadcast'

const SubscribeController = () => import('@adonisjs/transmit/controllers/subscribe_controller')
const UnsubscribeController = () => import('@adonisjs/transmit/controllers/unsubscribe_controller')

liveStreams.install(transmit.getManager(), isLiveChannel)

/**
 * Transmit's routes, with the events stream opened by LiveStreams (which
 * does not keep the request's context alive) instead of Transmit's own
 * controller; subscribe and unsubscribe are Transmit's.
 */
router
  .group(() => {
    router.get('__transmit/events', [controllers.LiveStreams, 'show']).as('events')
    router.post('__transmit/subscribe', [SubscribeController]).as('subscribe')
    router.post('__transmit/unsubscribe', [UnsubscribeController]).as('unsubscribe')
  })
  .as('transmit')
  .use(stacks.live())

transmit.authorize<{ id: string }>('users/:id/notifications', (ctx, { id }) => {
  return ctx.auth.user?.id === id
})

transmit.authorize<{ id: string }>('bounties/:id', async (ctx, { id }) => {
  const visible = await Bounty.query()
    .withScopes((scopes) => scopes.visibleTo(ctx.auth.user ?? null))
    .where('bounties.id', id)
    .first()
  return visible !== null
})

/**
 * The browser build of @adonisjs/transmit-client (one dependency-free ES
 * module), served from the installed package so it always matches the
 * server: the app has no asset build step (public/js/live.js imports it).
 */
const transmitClient = fileURLToPath(import.meta.resolve('@adonisjs/transmit-client'))

router
  .get('/js/vendor/transmit-client.js', ({ response }) => {
    response.header('Cache-Control', 'public, max-age=86400')
    return response.download(transmitClient, true)
  })
  .as('transmit_client')
  .use(stacks.web())
