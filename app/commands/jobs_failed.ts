import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import Outbox from '#services/outbox'

/**
 * Jobs that ran out of retries, with why; `node ace jobs:retry` requeues them.
 */
export default class JobsFailed extends BaseCommand {
  static commandName = 'jobs:failed'
  static description = 'List background jobs that failed after their last retry'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print JSON lines (id, job, payload, failedAt, error)' })
  declare json: boolean

  async run() {
    const rows = await Outbox.failed()
    if (this.json) {
      for (const row of rows) {
        this.logger.log(
          JSON.stringify({
            id: row.id,
            job: row.job,
            payload: row.payload,
            failedAt: row.failed_at,
            error: row.error,
          })
        )
      }
      return
    }
    if (!rows.length) {
      this.logger.success('No failed jobs')
      return
    }
    const table = this.ui.table().head(['id', 'job', 'failed at', 'error'])
    for (const row of rows) {
      table.row([row.id, row.job, new Date(row.failed_at!).toISOString(), row.error ?? ''])
    }
    table.render()
  }
}
