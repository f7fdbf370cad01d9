import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import Outbox from '#services/outbox'

/**
 * Requeues failed jobs (`node ace jobs:failed` lists them) with fresh retries.
 */
export default class JobsRetry extends BaseCommand {
  static commandName = 'jobs:retry'
  static description = 'Requeue failed background jobs by id, or all of them with --all'
  static options: CommandOptions = { startApp: true }

  @args.spread({ description: 'Ids from jobs:failed', required: false })
  declare ids?: string[]

  @flags.boolean({ description: 'Requeue every failed job' })
  declare all: boolean

  async run() {
    const ids = this.ids ?? []
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    if (Boolean(this.all) === ids.length > 0 || ids.some((id) => !uuid.test(id))) {
      this.logger.error('Give the ids of failed jobs (node ace jobs:failed) or --all')
      this.exitCode = 1
      return
    }
    const requeued = await Outbox.retry(this.all ? undefined : ids)
    const missing = ids.filter((id) => !requeued.includes(id))
    if (missing.length) {
      this.logger.error(`Not failed jobs: ${missing.join(', ')}`)
      this.exitCode = 1
    }
    this.logger.info(`Requeued ${requeued.length} job(s)`)
  }
}
