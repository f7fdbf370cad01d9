import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { BOUNTY_PRIORITIES, type BountyPriority } from '#enums/bounty'
import type Money from '#ledger/money'
import { POINTS_BY_PRIORITY, pointsForCompletion } from '#gamification/points'

/**
 * The `member_totals` aggregate (migration 0860): completions, earnings and
 * points per member per UTC week, UTC month and in all. A payout records its
 * completion in the paying transaction; `rebuild` recomputes every row from
 * the ledger's payout postings, and the two must agree (tested).
 */
export const ALL_TIME_START = '1970-01-01'

const PERIODS = `(VALUES
  ('WEEK'::totals_period,  date_trunc('week',  at AT TIME ZONE 'UTC')::date),
  ('MONTH'::totals_period, date_trunc('month', at AT TIME ZONE 'UTC')::date),
  ('ALL'::totals_period,   DATE '${ALL_TIME_START}'))`

export default class MemberTotals {
  /**
   * Adds one paid completion to the member's week, month and all-time rows,
   * at the transaction's time (the payout entry's own timestamp).
   */
  static async recordCompletion(
    client: QueryClientContract,
    completion: { userId: string; priority: BountyPriority; payout: Money }
  ) {
    await client.rawQuery(
      `INSERT INTO member_totals AS t (period, period_start, user_id, earnings, completions, points)
       SELECT p.period, p.period_start, :userId, :earnings, 1, :points
         FROM (SELECT now() AS at) AS moment, LATERAL ${PERIODS} AS p (period, period_start)
       ON CONFLICT (period, period_start, user_id) DO UPDATE
          SET earnings = t.earnings + EXCLUDED.earnings,
              completions = t.completions + 1,
              points = t.points + EXCLUDED.points`,
      {
        userId: completion.userId,
        earnings: completion.payout.toString(),
        points: pointsForCompletion(completion.priority, completion.payout),
      }
    )
  }

  /**
   * All-time points of a member (0 before their first completion).
   */
  static async pointsOf(userId: string, client: QueryClientContract = db.connection()) {
    const row = await client
      .from('member_totals')
      .where({ period: 'ALL', period_start: ALL_TIME_START, user_id: userId })
      .select('points')
      .first()
    return row ? Number(row.points) : 0
  }

  /**
   * Recomputes every row from the payouts in the ledger: each completed claim's
   * payout entry, its amount into the claimant's wallet, the bounty's priority
   * and the entry's time. Returns how many completions it counted.
   */
  static async rebuild(client: QueryClientContract) {
    await client.rawQuery('DELETE FROM member_totals')
    const { rows } = await client.rawQuery<{ rows: { completions: string }[] }>(
      `WITH payouts AS (
         SELECT c.user_id, e.created_at AS at, p.amount,
                ${pointsSql('b.priority', 'p.amount')} AS points
           FROM bounty_claims c
           JOIN bounties b ON b.id = c.bounty_id
           JOIN ledger_entries e ON e.id = c.payout_entry_id
           JOIN ledger_postings p ON p.entry_id = e.id
           JOIN ledger_accounts a ON a.id = p.account_id AND a.kind = 'WALLET' AND a.user_id = c.user_id
          WHERE c.payout_entry_id IS NOT NULL
       ), inserted AS (
         INSERT INTO member_totals (period, period_start, user_id, earnings, completions, points)
         SELECT p.period, p.period_start, payouts.user_id, sum(payouts.amount), count(*), sum(payouts.points)
           FROM payouts, LATERAL ${PERIODS} AS p (period, period_start)
          GROUP BY 1, 2, 3
         RETURNING completions
       )
       SELECT (SELECT count(*) FROM payouts)::text AS completions`
    )
    return Number(rows[0].completions)
  }
}

/**
 * `pointsForCompletion` as SQL, generated from the same table so the rule
 * stays written once.
 */
function pointsSql(priority: string, amount: string) {
  const cases = BOUNTY_PRIORITIES.map((name) => `WHEN '${name}' THEN ${POINTS_BY_PRIORITY[name]}`)
  return `(CASE ${priority} ${cases.join(' ')} END + GREATEST(floor(${amount}), 0)::int)`
}
