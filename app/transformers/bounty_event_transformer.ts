import { BaseTransformer } from '@adonisjs/core/transformers'
import type BountyEvent from '#models/bounty_event'

/**
 * A line of a bounty's timeline. `actor` is null when the scheduler acted
 * (expiry, nudges); needs the relation loaded.
 */
export default class BountyEventTransformer extends BaseTransformer<BountyEvent> {
  toObject() {
    const event = this.resource
    const actor = event.actor ?? null
    return {
      id: event.id,
      type: event.type,
      actor: actor ? { id: actor.id, username: actor.username } : null,
      data: event.data,
      createdAt: event.createdAt.toUTC().toISO()!,
    }
  }
}
