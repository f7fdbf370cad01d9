import { DateTime } from 'luxon'
import PruneNotifications from '#actions/notifications/prune_notifications'
import { OutboxJob } from '#services/outbox'

/**
 * Daily pruning (`node ace notifications:prune`): expired notifications and
 * read ones older than `readDays`.
 */
export default class PruneNotificationsJob extends OutboxJob<{ readDays: number }> {
  static options = { name: 'PruneNotificationsJob' }

  async handle({ readDays }: { readDays: number }) {
    await PruneNotifications.handle({ readBefore: DateTime.now().minus({ days: readDays }) })
  }
}
