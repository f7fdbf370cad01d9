import { DateTime } from 'luxon'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import CancelBounty from '#actions/bounties/cancel_bounty'

/**
 * Cancels and refunds every available bounty whose deadline has passed
 * (B3), one bounty per transaction. `FOR UPDATE SKIP LOCKED` lets several
 * runs work side by side: each takes bounties the others do not hold, and
 * a bounty cancelled by one no longer matches for the next. A bounty that
 * still has people working on slots waits until they are done.
 */
export default class ExpireOverdueBounties {
  static async handle(now = DateTime.now()) {
    const waiting: string[] = []
    let expired = 0
    for (;;) {
      const outcome = await Ledger.transaction(async (trx) => {
        const { rows } = await trx.rawQuery<{ rows: { id: string }[] }>(
          `SELECT id FROM bounties
            WHERE status = 'AVAILABLE' AND NOT is_draft AND deleted_at IS NULL
              AND deadline IS NOT NULL AND deadline <= ?::timestamptz
              AND NOT (id = ANY(?::uuid[]))
            ORDER BY deadline, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED`,
          [now.toISO(), waiting]
        )
        if (!rows[0]) return 'done'
        const bounty = await Bounty.query({ client: trx }).where('id', rows[0].id).firstOrFail()
        await bounty.load('liveClaims')
        if (bounty.isWorkedOn) {
          waiting.push(bounty.id)
          return 'waiting'
        }
        await CancelBounty.cancelLocked(trx, bounty, null, 'deadline passed')
        return 'expired'
      })
      if (outcome === 'done') return { expired, waiting: waiting.length }
      if (outcome === 'expired') expired++
    }
  }
}
