import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import ExpireOverdueBounties from '#actions/bounties/expire_overdue_bounties'
import SweepStaleClaims from '#actions/bounties/sweep_stale_claims'

/**
 * The bounty scheduler (B3, K2): cancels and refunds available
 * bounties past their deadline, nudges claims silent for their bounty's
 * claim window and expires those still silent after the nudge. Safe to run
 * often and in parallel: each bounty is handled once, under its row lock.
 */
export default class BountiesExpire extends BaseCommand {
  static commandName = 'bounties:expire'
  static description =
    'Cancel and refund overdue available bounties; nudge, then expire, stale claims'
  static help = [
    'Workers run it every 5 minutes (app/jobs/schedules.ts); running it by hand as well is safe',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Only expire overdue bounties; leave claims alone' })
  declare skipClaims: boolean

  async run() {
    const overdue = await ExpireOverdueBounties.handle()
    this.logger.info(`Overdue bounties cancelled and refunded: ${overdue.expired}`)
    if (overdue.waiting > 0) {
      this.logger.info(`Overdue bounties waiting for their claimants: ${overdue.waiting}`)
    }
    if (this.skipClaims) return

    const claims = await SweepStaleClaims.handle()
    this.logger.info(`Stale claims nudged: ${claims.nudged}, expired: ${claims.expired}`)
  }
}
