import RemindCheckIns from '#actions/checkins/remind_check_ins'
import { OutboxJob } from '#services/outbox'

/**
 * The weekly check-in reminder, looked at every hour so that each team is
 * reminded at its own Friday morning (RemindCheckIns); once per team and
 * week, however often it runs.
 */
export default class RemindCheckInsJob extends OutboxJob<Record<string, never>> {
  static options = { name: 'RemindCheckInsJob', timeout: '30m' }

  async handle() {
    await RemindCheckIns.handle()
  }
}
