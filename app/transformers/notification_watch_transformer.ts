import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WatchLevel } from '#enums/notification'

type Watch = { subject: 'bounty' | 'tag'; id: string; level: WatchLevel }

/**
 * A member's watch level on a bounty or a tag (K10).
 */
export default class NotificationWatchTransformer extends BaseTransformer<Watch> {
  toObject() {
    return this.pick(this.resource, ['subject', 'id', 'level'])
  }
}
