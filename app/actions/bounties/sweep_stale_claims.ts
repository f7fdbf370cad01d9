import { DateTime } from 'luxon'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import { STALE_CLAIM_GRACE_DAYS } from '#models/bounty_claim'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * Stale claims (K2): a claim in progress with no activity for its bounty's
 * claim window is nudged (a timeline event, later a notification); still
 * silent `STALE_CLAIM_GRACE_DAYS` after the nudge, it expires and the slot
 * is free again. A member who is away (K8) is neither nudged nor expired
 * meanwhile. The bounty row is locked as every other change to its
 * claims does, and skipped when another run holds it.
 */
export default class SweepStaleClaims {
  static async handle(now = DateTime.now()) {
    const seen: string[] = []
    const result = { nudged: 0, expired: 0 }
    for (;;) {
      const outcome = await Ledger.transaction(async (trx) => {
        const { rows } = await trx.rawQuery<{ rows: { claim_id: string; bounty_id: string }[] }>(
          `SELECT claim.id AS claim_id, bounty.id AS bounty_id
             FROM bounty_claims AS claim
             JOIN bounties AS bounty ON bounty.id = claim.bounty_id
            WHERE claim.status = 'IN_PROGRESS' AND bounty.deleted_at IS NULL
              AND NOT (claim.id = ANY(?::uuid[]))
              AND NOT EXISTS (SELECT 1 FROM away_periods AS away
                               WHERE away.user_id = claim.user_id
                                 AND away.starts_at <= ?::timestamptz AND away.ends_at > ?::timestamptz)
              AND (
                (claim.nudged_at IS NULL
                  AND claim.last_activity_at <= ?::timestamptz - bounty.claim_window_days * interval '1 day')
                OR claim.nudged_at <= ?::timestamptz - ?::int * interval '1 day'
              )
            ORDER BY claim.last_activity_at, claim.id
            LIMIT 1
            FOR UPDATE OF bounty SKIP LOCKED`,
          [seen, now.toISO(), now.toISO(), now.toISO(), now.toISO(), STALE_CLAIM_GRACE_DAYS]
        )
        if (!rows[0]) return 'done'
        seen.push(rows[0].claim_id)

        const bounty = await Bounty.query({ client: trx })
          .where('id', rows[0].bounty_id)
          .firstOrFail()
        await bounty.load('liveClaims')
        const claim = bounty.activeClaims.find((candidate) => candidate.id === rows[0].claim_id)
        if (!claim || !claim.isStale(bounty.claimWindowDays, now)) return 'skipped'
        claim.useTransaction(trx)
        const data = { claimId: claim.id, userId: claim.userId }

        if (!claim.nudgedAt) {
          claim.nudge()
          await claim.save()
          await AnnounceBountyEvent.handle(
            trx,
            bounty,
            await BountyEvent.record(trx, bounty.id, 'nudged', null, data)
          )
          return 'nudged'
        }
        claim.expire()
        await claim.save()
        bounty.applyClaims()
        await bounty.save()
        await AnnounceBountyEvent.handle(
          trx,
          bounty,
          await BountyEvent.record(trx, bounty.id, 'claim_expired', null, data)
        )
        return 'expired'
      })
      if (outcome === 'done') return result
      if (outcome === 'nudged') result.nudged++
      if (outcome === 'expired') result.expired++
    }
  }
}
