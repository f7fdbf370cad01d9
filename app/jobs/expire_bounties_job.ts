import ExpireOverdueBounties from '#actions/bounties/expire_overdue_bounties'
import SweepStaleClaims from '#actions/bounties/sweep_stale_claims'
import { OutboxJob } from '#services/outbox'

/**
 * What `node ace bounties:expire` does, every few minutes from the
 * scheduler: overdue bounties cancelled and refunded, stale claims nudged
 * then expired. Safe beside a manual run (each bounty under its row lock).
 */
export default class ExpireBountiesJob extends OutboxJob<Record<string, never>> {
  // A large backlog takes its time; the default 2-minute timeout would
  // start a retry beside a run still going.
  static options = { name: 'ExpireBountiesJob', timeout: '30m' }

  async handle() {
    await ExpireOverdueBounties.handle()
    await SweepStaleClaims.handle()
  }
}
