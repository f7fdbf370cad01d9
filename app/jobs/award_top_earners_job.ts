import Achievements from '#gamification/achievements'
import { OutboxJob } from '#services/outbox'

/**
 * "Top earner of a month" (E2), granted once a month is over: each run
 * looks at every finished month, so a missed run is caught up by the next.
 */
export default class AwardTopEarnersJob extends OutboxJob<Record<string, never>> {
  static options = { name: 'AwardTopEarnersJob' }

  async handle() {
    await Achievements.awardTopEarners()
  }
}
