import QueueWork from '@adonisjs/queue/commands/queue_work'
import Outbox from '#services/outbox'
import { registerSchedules } from '#jobs/schedules'

/**
 * A worker (docs/jobs.md): writes the schedules, relays what the outbox
 * holds, then runs jobs until SIGINT/SIGTERM (it finishes the jobs it has
 * started first). Run as many as the load needs, on any machines that reach
 * the database (and Redis, when the queue is there).
 */
export default class JobsWork extends QueueWork {
  static commandName = 'jobs:work'
  static description = 'Run background jobs and the schedules (mail, digests, expiry, pruning)'

  async run() {
    await registerSchedules()
    await Outbox.relay()
    await super.run()
  }
}
