import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import MemberTotals from '#gamification/member_totals'
import { topEarners } from '#gamification/achievements'
import { AUTOMATIC_BADGES, COMPLETION_BADGES, STREAK_BADGE_WEEKS } from '#gamification/badges'
import Streaks, { streakAt, type StreakHistory } from '#gamification/streaks'

export type RebuildSteps = 'totals' | 'activity' | 'badges' | 'streaks'
export type RebuildProgress = (step: RebuildSteps, done: number, total: number) => void

/**
 * Everything gamification derives, recomputed from what happened (E1–E3):
 * member totals from the ledger's payouts, active weeks from payouts,
 * publications and check-ins, and every automatic badge dated when its
 * criterion was first met. Badges granted by hand are kept; nobody is
 * notified again. Run in one transaction: readers see the old numbers or
 * the new, never a mix.
 */
export default class RebuildGamification {
  static async handle(trx: TransactionClientContract, progress: RebuildProgress = () => {}) {
    progress('totals', 0, 1)
    const completions = await MemberTotals.rebuild(trx)
    progress('totals', 1, 1)

    progress('activity', 0, 1)
    await trx.rawQuery('DELETE FROM activity_weeks')
    await trx.rawQuery(
      `INSERT INTO activity_weeks (user_id, week_start, first_at)
       SELECT user_id, date_trunc('week', min(at) AT TIME ZONE 'UTC')::date, min(at)
         FROM (${ACTIVITY}) AS activity
        GROUP BY user_id, date_trunc('week', at AT TIME ZONE 'UTC')`
    )
    progress('activity', 1, 1)

    progress('badges', 0, 1)
    await trx.rawQuery(
      `DELETE FROM member_badges
        WHERE badge_id IN (SELECT id FROM badges WHERE is_automatic)`
    )
    await grantFromHistory(trx)
    for (const { userId, at } of await topEarners(trx)) {
      await insertGrant(trx, userId, AUTOMATIC_BADGES.topEarnerOfMonth, at)
    }
    progress('badges', 1, 1)

    const rows = await trx.from('activity_weeks').distinct('user_id').orderBy('user_id')
    const members: string[] = rows.map((row: { user_id: string }) => row.user_id)
    for (let done = 0; done < members.length; done += STREAK_BATCH) {
      const histories = await Streaks.historiesOf(members.slice(done, done + STREAK_BATCH), trx)
      for (const [userId, history] of histories) await grantStreakBadge(trx, userId, history)
      progress('streaks', Math.min(done + STREAK_BATCH, members.length), members.length)
    }
    return { completions, members: members.length }
  }
}

/**
 * Members whose streak histories are read in one pair of queries.
 */
const STREAK_BATCH = 500

/**
 * Every activity that keeps a streak, with its moment: a paid completion
 * (its payout entry), a publication, a check-in.
 */
const ACTIVITY = `
  SELECT c.user_id, e.created_at AS at
    FROM bounty_claims c JOIN ledger_entries e ON e.id = c.payout_entry_id
  UNION ALL
  SELECT created_by, published_at FROM bounties WHERE published_at IS NOT NULL
  UNION ALL
  SELECT user_id, created_at FROM check_ins`

/**
 * The badges whose criterion is a first (or n-th) event, dated by it.
 */
async function grantFromHistory(trx: TransactionClientContract) {
  const thresholds = COMPLETION_BADGES.map(([count, code]) => `(${count}, '${code}')`).join(', ')
  await trx.rawQuery(
    `WITH completions AS (
       SELECT c.user_id, e.created_at AS at,
              row_number() OVER (PARTITION BY c.user_id ORDER BY e.created_at, e.id) AS nth
         FROM bounty_claims c JOIN ledger_entries e ON e.id = c.payout_entry_id
     ), earned AS (
       SELECT completions.user_id, t.code, completions.at
         FROM completions JOIN (VALUES ${thresholds}) AS t (nth, code) ON t.nth = completions.nth
       UNION ALL
       SELECT created_by, :firstPost, min(published_at) FROM bounties
        WHERE published_at IS NOT NULL GROUP BY created_by
       UNION ALL
       SELECT user_id, :firstCheckIn, min(created_at) FROM check_ins GROUP BY user_id
       UNION ALL
       SELECT user_id, :firstTip, min(created_at) FROM transactions
        WHERE type = 'SPEND' AND metadata->>'kind' = 'tip' GROUP BY user_id
     )
     INSERT INTO member_badges (user_id, badge_id, awarded_at)
     SELECT earned.user_id, badges.id, earned.at
       FROM earned JOIN badges ON badges.code = earned.code
     ON CONFLICT DO NOTHING`,
    {
      firstPost: AUTOMATIC_BADGES.firstPost,
      firstCheckIn: AUTOMATIC_BADGES.firstCheckIn,
      firstTip: AUTOMATIC_BADGES.firstTip,
    }
  )
}

/**
 * The streak badge, dated by the first activity of the week that first
 * made a streak long enough.
 */
async function grantStreakBadge(
  trx: TransactionClientContract,
  userId: string,
  history: StreakHistory
) {
  const weeks = new Set<string>()
  for (const { week, firstAt } of history.weeks) {
    weeks.add(week)
    if (streakAt(weeks, history.away, firstAt) >= STREAK_BADGE_WEEKS) {
      await insertGrant(trx, userId, AUTOMATIC_BADGES.fourWeekStreak, firstAt)
      return
    }
  }
}

async function insertGrant(trx: TransactionClientContract, userId: string, code: string, at: Date) {
  await trx.rawQuery(
    `INSERT INTO member_badges (user_id, badge_id, awarded_at)
     SELECT :userId, id, :at FROM badges WHERE code = :code
     ON CONFLICT DO NOTHING`,
    { userId, code, at }
  )
}
