import { LedgerVerificationSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { LedgerProblem } from '#ledger/verify'
import User from '#models/user'

export type VerificationSource = 'command' | 'schedule' | 'admin'

/**
 * One run of `ledger:verify` (I4): pages show the last one instead of
 * recomputing the ledger on every view.
 */
export default class LedgerVerification extends LedgerVerificationSchema {
  @column()
  declare source: VerificationSource

  // node-postgres would send an array as a PostgreSQL array, not JSON.
  @column({ prepare: (problems: LedgerProblem[]) => JSON.stringify(problems) })
  declare problems: LedgerProblem[]

  @belongsTo(() => User, { foreignKey: 'requestedById' })
  declare requestedBy: BelongsTo<typeof User>

  get isFinished() {
    return this.finishedAt !== null
  }

  get isRunning() {
    return this.startedAt !== null && this.finishedAt === null
  }

  /**
   * The last finished run (an index read), or null before the first.
   */
  static lastFinished() {
    return LedgerVerification.query()
      .whereNotNull('finished_at')
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .first()
  }

  /**
   * A run asked for and not finished yet, so the page says "running"
   * rather than offering the button again.
   */
  static pending() {
    return LedgerVerification.query()
      .whereNull('finished_at')
      .orderBy('id', 'desc')
      .preload('requestedBy')
      .first()
  }
}
