import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ALL_TIME_START } from '#gamification/member_totals'
import Badges, {
  AUTOMATIC_BADGES,
  COMPLETION_BADGES,
  STREAK_BADGE_WEEKS,
} from '#gamification/badges'
import Streaks, { streakAt } from '#gamification/streaks'

/**
 * Members who hold the first-tip badge, as far as this process knows;
 * bounded, so it starts afresh rather than grow with the membership.
 */
const knownTippers = new Set<string>()
const KNOWN_TIPPERS_KEPT = 100_000

/**
 * What members do, as it happens, turned into streak weeks and badges (E2,
 * E3). Each recorder runs in the transaction of the event it records, so a
 * change that rolls back earns nothing; `gamification:rebuild` reaches the
 * same rows from history (app/gamification/rebuild.ts).
 */
export default class Achievements {
  /**
   * A completion was paid, after `MemberTotals.recordCompletion` in the same
   * transaction: the all-time row it just updated under its row lock holds
   * the exact count even when completions race, so each threshold is met by
   * exactly one of them, and only that one asks for its badge (earlier
   * members' badges are backfilled by `gamification:rebuild`).
   */
  static async completed(trx: QueryClientContract, userId: string) {
    const { rows } = await trx.rawQuery<{ rows: { completions: number; at: Date }[] }>(
      `SELECT completions, now() AS at FROM member_totals
        WHERE period = 'ALL' AND period_start = :start AND user_id = :userId`,
      { start: ALL_TIME_START, userId }
    )
    const { completions, at } = rows[0]
    const reached = COMPLETION_BADGES.find(([threshold]) => completions === threshold)
    if (reached) await Badges.grant(trx, { userId, code: reached[1], at })
    await this.active(trx, userId, at)
  }

  /**
   * A bounty was published at `at` by `userId`.
   */
  static async posted(trx: QueryClientContract, userId: string, at: Date) {
    await Badges.grant(trx, { userId, code: AUTOMATIC_BADGES.firstPost, at })
    await this.active(trx, userId, at)
  }

  /**
   * A check-in was stored at `at`.
   */
  static async checkedIn(trx: QueryClientContract, userId: string, at: Date) {
    await Badges.grant(trx, { userId, code: AUTOMATIC_BADGES.firstCheckIn, at })
    await this.active(trx, userId, at)
  }

  /**
   * A tip was sent at `at`. Tips commit in one statement of their own, so
   * this runs just after: a failure here is logged, never reported as a
   * failed tip (the money moved), and `gamification:rebuild` grants the
   * badge later.
   * Only a member's first tip can earn the badge and an automatic badge is
   * never taken back, so once this process has seen a member hold it, their
   * later tips (the hot path of the wallet) skip the round trip.
   */
  static async tipped(userId: string, at: Date) {
    if (knownTippers.has(userId)) return
    try {
      await Badges.grant(db.connection(), { userId, code: AUTOMATIC_BADGES.firstTip, at })
    } catch (error) {
      logger.error({ err: error, userId }, 'the first-tip badge was not granted')
      return
    }
    if (knownTippers.size >= KNOWN_TIPPERS_KEPT) knownTippers.clear()
    knownTippers.add(userId)
  }

  /**
   * Marks the week of `at` active; the first activity of a week may
   * complete a streak worth the badge.
   */
  static async active(trx: QueryClientContract, userId: string, at: Date) {
    const { rows } = await trx.rawQuery<{ rows: unknown[] }>(
      `INSERT INTO activity_weeks (user_id, week_start, first_at)
       VALUES (:userId, date_trunc('week', :at::timestamptz AT TIME ZONE 'UTC')::date, :at)
       ON CONFLICT (user_id, week_start) DO NOTHING
       RETURNING week_start`,
      { userId, at }
    )
    if (!rows.length) return
    const history = await Streaks.historyOf(userId, trx)
    const weeks = new Set(history.weeks.map(({ week }) => week))
    if (streakAt(weeks, history.away, at) >= STREAK_BADGE_WEEKS) {
      await Badges.grant(trx, { userId, code: AUTOMATIC_BADGES.fourWeekStreak, at })
    }
  }

  /**
   * Grants "top earner of a month" for every month that is over (UTC) to
   * whoever earned most in it (all of them on a tie), dated the first moment
   * after the month. Already holding it, a member is not told again, so the
   * monthly job may run as often as it likes.
   */
  static async awardTopEarners(client: QueryClientContract = db.connection()) {
    let granted = 0
    for (const { userId, at } of await topEarners(client)) {
      if (await Badges.grant(client, { userId, code: AUTOMATIC_BADGES.topEarnerOfMonth, at })) {
        granted++
      }
    }
    return granted
  }
}

/**
 * Each member who topped a finished month, with the end of the first such
 * month.
 */
export async function topEarners(client: QueryClientContract) {
  const { rows } = await client.rawQuery<{ rows: { user_id: string; at: Date }[] }>(
    `WITH ranked AS (
       SELECT user_id, period_start,
              rank() OVER (PARTITION BY period_start ORDER BY earnings DESC) AS place
         FROM member_totals
        WHERE period = 'MONTH' AND earnings > 0
          AND period_start < date_trunc('month', now() AT TIME ZONE 'UTC')::date
     )
     SELECT user_id, (min(period_start) + interval '1 month') AT TIME ZONE 'UTC' AS at
       FROM ranked WHERE place = 1
      GROUP BY user_id
      ORDER BY at, user_id`
  )
  return rows.map((row) => ({ userId: row.user_id, at: row.at }))
}
