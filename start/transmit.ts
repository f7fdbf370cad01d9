/*
|--------------------------------------------------------------------------
| Live events: Transmit routes and channel authorisation
|--------------------------------------------------------------------------
|
| Channels (the API contract's "Live events"):
|   users/:id/notifications  only that member
|   bounties/:id             whoever may see the bounty (drafts: the author)
|   board                    everyone: only bounties everyone may see go there
|   teams/:id                that team's members (check-ins, joins, leaves, edits)
|   teams/:id/presence       that team's members (who has a stream open:
|                            app/services/presence.ts)
|   leaderboard              everyone signed in: `leaderboard.updated` after
|                            a payout; pages read their own board again
|
| Subscribing to anything else is refused. A subscribe answers 204, or 400
| for any refusal (Transmit does not say why). The rule is
| app/policies/live_channel_policy.ts, applied again to open subscriptions
| whenever access changes (app/services/live_access.ts).
*/
import { fileURLToPath } from 'node:url'
import router from '@adonisjs/core/services/router'
import transmit from '@adonisjs/transmit/services/main'
import { stacks } from '#start/kernel'
import { controllers } from '#generated/controllers'
import emitter from '@adonisjs/core/services/emitter'
import liveStreams from '#overrides/live_streams'
import app from '@adonisjs/core/services/app'
import LiveAccess from '#services/live_access'
import { channelRules } from '#services/live_channel_rules'
import presence from '#services/presence'

const SubscribeController = () => import('@adonisjs/transmit/controllers/subscribe_controller')
const UnsubscribeController = () => import('@adonisjs/transmit/controllers/unsubscribe_controller')

liveStreams.install(transmit.getManager(), channelRules, presence)
presence.startHeartbeat()
app.terminating(() => presence.withdraw())

/**
 * A new follower of a team's presence learns its online list at once; the
 * others hear of it only when it changes.
 */
transmit.on('subscribe', ({ uid, channel }) =>
  presence.welcome(channel, (payload) => liveStreams.sendTo(uid, channel, payload))
)

/**
 * A sign-out ends the session's streams at once: the session store only
 * forgets it once the response is on its way.
 */
emitter.on('session_auth:logged_out', ({ user, sessionId }) => {
  if (user) LiveAccess.memberChanged(String(user.id), { endedSessionId: sessionId })
})

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
