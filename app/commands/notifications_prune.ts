import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Keeps the notifications table small (J1): expired notifications and read
 * ones older than --read-days go. Unread ones stay until they expire.
 */
export default class NotificationsPrune extends BaseCommand {
  static commandName = 'notifications:prune'
  static description = 'Delete expired notifications and read ones older than --read-days'
  static help = [
    'Workers run it daily at 03:00 UTC (app/jobs/schedules.ts); run it by hand for other limits',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Delete read notifications older than this many days', default: 30 })
  declare readDays: number

  @flags.number({ description: 'Rows deleted per batch', default: 5000 })
  declare batchSize: number

  async run() {
    const { default: PruneNotifications } =
      await import('#actions/notifications/prune_notifications')
    if (!(this.readDays >= 0) || !(this.batchSize > 0)) {
      this.logger.error('--read-days must be 0 or more and --batch-size more than 0')
      this.exitCode = 1
      return
    }

    const deleted = await PruneNotifications.handle({
      readBefore: DateTime.now().minus({ days: this.readDays }),
      batchSize: this.batchSize,
      onProgress: ({ kind, deleted: count }) =>
        this.logger.info(
          `${kind === 'expired' ? 'Expired' : 'Read'}: ${count.toLocaleString('en')} deleted so far`
        ),
    })

    this.logger.success(
      `Pruned ${deleted.expired.toLocaleString('en')} expired and ${deleted.read.toLocaleString('en')} read notification(s)`
    )
  }
}
