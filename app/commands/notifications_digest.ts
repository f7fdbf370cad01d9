import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The daily digest for members who were away (K10).
 */
export default class NotificationsDigest extends BaseCommand {
  static commandName = 'notifications:digest'
  static description =
    'Email each member the unread notifications of the last --hours that arrived after they were last seen'
  static help = [
    'Workers run it daily at 07:00 UTC (app/jobs/schedules.ts); each digest is queued as a job',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How far back to look, in hours', default: 24 })
  declare hours: number

  async run() {
    const { default: SendNotificationDigests } =
      await import('#actions/notifications/send_notification_digests')
    if (!(this.hours > 0)) {
      this.logger.error('--hours must be more than 0')
      this.exitCode = 1
      return
    }

    const sent = await SendNotificationDigests.handle({
      since: DateTime.now().minus({ hours: this.hours }),
      onProgress: ({ members }) => {
        if (members % 100 === 0)
          this.logger.info(`${members.toLocaleString('en')} digests queued so far`)
      },
    })

    this.logger.success(
      `Queued ${sent.members.toLocaleString('en')} digest(s) covering ${sent.notifications.toLocaleString('en')} notification(s)`
    )
  }
}
