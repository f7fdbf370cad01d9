import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { RebuildSteps } from '#gamification/rebuild'
import { progressBar } from '#services/progress_bar'

const STEP_LABELS: Record<RebuildSteps, string> = {
  totals: 'Member totals',
  activity: 'Active weeks',
  badges: 'Badges',
  streaks: 'Streak badges',
}

/**
 * Recomputes points, totals, active weeks and automatic badges from what
 * happened (E1–E3), in one transaction; nobody is notified again.
 */
export default class GamificationRebuild extends BaseCommand {
  static commandName = 'gamification:rebuild'
  static description =
    'Recompute member totals (points), active weeks (streaks) and automatic badges from history'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: RebuildGamification } = await import('#gamification/rebuild')
    const result = await db.transaction((trx) =>
      RebuildGamification.handle(trx, (step, done, total) => {
        this.logger.logUpdate(`${STEP_LABELS[step].padEnd(14)} ${progressBar(done, total)}`)
        if (done === total) this.logger.logUpdatePersist()
      })
    )
    this.logger.success(
      `Rebuilt from ${result.completions} paid completions; ${result.members} members have active weeks`
    )
  }
}
