import type { HttpContext } from '@adonisjs/core/http'
import liveStreams from '#overrides/live_streams'

/**
 * GET /__transmit/events?uid=: the event stream live updates arrive on;
 * channels are then joined with POST /__transmit/subscribe (start/transmit.ts).
 */
export default class LiveStreamsController {
  show(ctx: HttpContext) {
    return liveStreams.open(ctx)
  }
}
