import { DateTime } from 'luxon'
import SendNotificationDigests from '#actions/notifications/send_notification_digests'
import { OutboxJob } from '#services/outbox'

/**
 * The daily digest (`node ace notifications:digest`): one mail per absent
 * member, each its own outbox row.
 */
export default class SendDigestsJob extends OutboxJob<{ hours: number }> {
  static options = { name: 'SendDigestsJob' }

  async handle({ hours }: { hours: number }) {
    await SendNotificationDigests.handle({ since: DateTime.now().minus({ hours }) })
  }
}
