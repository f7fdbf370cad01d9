import { DateTime } from 'luxon'
import PruneNotifications from '#actions/notifications/prune_notifications'
import { OutboxJob } from '#services/outbox'

/**
 * Daily pruning (`node ace notifications:prune`): expired notifications and
 * read ones older than `readDays`.
 */
export default class PruneNotificationsJob extends OutboxJob<{ readDays: number }> {
  // A large backlog takes its time; the default 2-minute timeout would
  // start a retry beside a run still going.
  static options = { name: 'PruneNotificationsJob', timeout: '30m' }

  async handle({ readDays }: { readDays: number }) {
    await PruneNotifications.handle({ readBefore: DateTime.now().minus({ days: readDays }) })
  }
}
