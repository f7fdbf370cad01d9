import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WatchLevel } from '#enums/notification'

type Watch = { subject: 'bounty' | 'tag' | 'team'; id: string; level: WatchLevel }

/**
 * A member's watch level on a bounty, a tag or a team's new bounties (K10).
 */
export default class NotificationWatchTransformer extends BaseTransformer<Watch> {
  toObject() {
    return this.pick(this.resource, ['subject', 'id', 'level'])
  }
}
