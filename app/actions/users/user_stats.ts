import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import type User from '#models/user'

/**
 * Money that came back to its owner (an escrow released, a cancelled
 * order): neither earned, nor spent in the end.
 */
const REFUND = `metadata->>'kind' IN ('bounty_refund', 'shop_refund')`

/**
 * What counts as earned: history lines of money received (rewards and tips),
 * completed, without refunds.
 */
const EARNED = `type = 'EARN' AND status = 'COMPLETED'
  AND NOT coalesce(${REFUND}, false)`

export type UserStatsResult = {
  postedCount: number
  activeCount: number
  completedCount: number
  earned: Money
  spent: Money
  completionRate: number
}

/**
 * A member's bounty figures (GET /users/stats, the dashboard H1): bounties
 * posted (published, not deleted), claims in progress or in review, claims
 * completed; money earned (rewards and tips received, refunds excluded) and
 * spent (escrows and tips sent, less what came back as refunds); and the
 * share of their claims they completed.
 */
export default class UserStats {
  static async handle(user: User): Promise<UserStatsResult> {
    const [counts, money] = await Promise.all([
      db.rawQuery<{ rows: Record<string, string>[] }>(
        `SELECT
           (SELECT count(*) FROM bounties
             WHERE created_by = :id AND NOT is_draft AND deleted_at IS NULL) AS posted,
           count(*) FILTER (WHERE status IN ('IN_PROGRESS', 'REVIEW')) AS active,
           count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
           count(*) AS claimed
         FROM bounty_claims WHERE user_id = :id`,
        { id: user.id }
      ),
      db.rawQuery<{ rows: Record<string, string>[] }>(
        `SELECT
           coalesce(sum(amount) FILTER (WHERE ${EARNED}), 0) AS earned,
           coalesce(sum(amount) FILTER (WHERE type = 'SPEND'), 0)
             - coalesce(sum(amount) FILTER (WHERE ${REFUND}), 0) AS spent
         FROM transactions WHERE user_id = :id AND status = 'COMPLETED'`,
        { id: user.id }
      ),
    ])
    const count = counts.rows[0]
    const claimed = Number(count.claimed)
    const completed = Number(count.completed)
    return {
      postedCount: Number(count.posted),
      activeCount: Number(count.active),
      completedCount: completed,
      earned: Money.fromDb(money.rows[0].earned),
      spent: Money.fromDb(money.rows[0].spent),
      completionRate: claimed === 0 ? 0 : Math.round((completed / claimed) * 10000) / 10000,
    }
  }

  /**
   * What the member earned in each of the last `weeks` weeks (Monday to
   * Sunday, UTC), oldest first, the current week last: the week's Monday and
   * its total.
   */
  static async weeklyEarnings(user: User, weeks: number) {
    const { rows } = await db.rawQuery<{ rows: { week: string; earned: string }[] }>(
      `WITH weeks AS (
         SELECT generate_series(
                  date_trunc('week', now() AT TIME ZONE 'UTC') - make_interval(weeks => :back),
                  date_trunc('week', now() AT TIME ZONE 'UTC'),
                  interval '1 week') AS week
       )
       SELECT CAST(CAST(weeks.week AS date) AS text) AS week,
              CAST(coalesce(sum(t.amount), 0) AS text) AS earned
         FROM weeks
         LEFT JOIN transactions t
           ON t.user_id = :id AND ${EARNED}
          AND t.created_at >= weeks.week AT TIME ZONE 'UTC'
          AND t.created_at < (weeks.week + interval '1 week') AT TIME ZONE 'UTC'
        GROUP BY weeks.week
        ORDER BY weeks.week`,
      { id: user.id, back: weeks - 1 }
    )
    return rows.map(({ week, earned }) => ({ week, earned: Money.fromDb(earned) }))
  }
}
