import ExpireOverdueBounties from '#actions/bounties/expire_overdue_bounties'
import SweepStaleClaims from '#actions/bounties/sweep_stale_claims'
import { OutboxJob } from '#services/outbox'

/**
 * What `node ace bounties:expire` does, every few minutes from the
 * scheduler: overdue bounties cancelled and refunded, stale claims nudged
 * then expired. Safe beside a manual run (each bounty under its row lock).
 */
export default class ExpireBountiesJob extends OutboxJob<Record<string, never>> {
  static options = { name: 'ExpireBountiesJob' }

  async handle() {
    await ExpireOverdueBounties.handle()
    await SweepStaleClaims.handle()
  }
}
