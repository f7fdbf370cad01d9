import { DateTime } from 'luxon'
import SendNotificationDigests from '#actions/notifications/send_notification_digests'
import { OutboxJob } from '#services/outbox'

/**
 * The daily digest (`node ace notifications:digest`): one mail per absent
 * member, each its own outbox row.
 */
export default class SendDigestsJob extends OutboxJob<{ hours: number }> {
  // A large backlog takes its time; the default 2-minute timeout would
  // start a retry beside a run still going.
  static options = { name: 'SendDigestsJob', timeout: '30m' }

  async handle({ hours }: { hours: number }) {
    await SendNotificationDigests.handle({ since: DateTime.now().minus({ hours }) })
  }
}
