import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import { ALL_TIME_START } from '#gamification/member_totals'
import type { LeaderboardMetric, LeaderboardPeriod } from '#enums/leaderboard'

export type LeaderboardQuery = {
  period: LeaderboardPeriod
  metric: LeaderboardMetric
  /** Only this team's current members; null for all of Corps. */
  teamId: string | null
}

/**
 * One member's place on a board. `value` is a count for completions and
 * points, and a `Money` for earnings.
 */
export type Standing = {
  rank: number
  user: { id: string; username: string }
  value: number | Money
}

type StandingRow = { rank: number; user_id: string; username: string; value: string }

/**
 * Leaderboards (E4, K9), read only from the `member_totals` aggregate (one
 * row per member per period), so a board costs the same whatever the size
 * of the ledger behind it.
 *
 * A board lists members with more than nothing in the period whose rows are
 * `listed` (active, not deleted, not opted out: kept by the triggers of
 * migration 0862), highest first. Each metric has an index over listed rows
 * only, `(period, period_start, metric DESC) WHERE listed`, so the top and a
 * member's rank both read one range of it.
 * Ties share a rank, standard competition ranking ("1, 2, 2, 4"): a
 * member's rank is one more than the number of listed members ahead of
 * them. Tied members are listed by username.
 */
export default class Leaderboard {
  /**
   * The first `limit` members of a board. Every member ahead of one listed
   * is listed too, so ranking the page alone gives each their rank on the
   * whole board.
   */
  static async top(board: LeaderboardQuery, limit: number): Promise<Standing[]> {
    const column = metricColumn(board.metric)
    const { rows } = await db.rawQuery<{ rows: StandingRow[] }>(
      `WITH listed AS (
         SELECT t.user_id, u.username, t.${column} AS value
           FROM member_totals t
           JOIN users u ON u.id = t.user_id
          WHERE ${listed(board)}
          ORDER BY t.${column} DESC, u.username
          LIMIT :limit
       )
       SELECT rank() OVER (ORDER BY value DESC)::int AS rank, user_id, username, value::text AS value
         FROM listed
        ORDER BY rank, username`,
      { ...bindings(board), limit }
    )
    return rows.map((row) => standing(board.metric, row))
  }

  /**
   * Where one member stands on a board, or null when they are not on it
   * (nothing in the period, opted out, deactivated, or outside the team).
   * The rank counts the listed rows above the member's value: a range of
   * the metric's partial index, read from the index alone.
   */
  static async standingOf(userId: string, board: LeaderboardQuery): Promise<Standing | null> {
    const column = metricColumn(board.metric)
    const { rows } = await db.rawQuery<{ rows: StandingRow[] }>(
      `SELECT t.user_id, u.username, t.${column}::text AS value,
              (1 + (SELECT count(*) FROM member_totals a
                     WHERE a.listed AND a.period = t.period AND a.period_start = t.period_start
                       AND a.${column} > t.${column} ${inTeam(board, 'a')}))::int AS rank
         FROM member_totals t
         JOIN users u ON u.id = t.user_id
        WHERE ${listed(board)} AND t.user_id = :userId`,
      { ...bindings(board), userId }
    )
    return rows[0] ? standing(board.metric, rows[0]) : null
  }
}

/**
 * The first day of the period's current row, as `MemberTotals` keys it:
 * the UTC week's Monday, the UTC month's first day, or the all-time start.
 */
export function periodStart(period: LeaderboardPeriod, at = DateTime.utc()): string {
  if (period === 'all') return ALL_TIME_START
  return at.toUTC().startOf(period).toISODate()!
}

/**
 * Who is on a board: the period's current rows that are listed and have
 * something to show, and for a team board, of the team's members now.
 */
function listed(board: LeaderboardQuery) {
  return `t.listed AND t.period = :period AND t.period_start = :periodStart
    AND t.${metricColumn(board.metric)} > 0 ${inTeam(board, 't')}`
}

/**
 * A team board's filter, left out of the SQL of a board of everyone, so
 * each has a plan of its own.
 */
function inTeam(board: LeaderboardQuery, alias: string) {
  if (!board.teamId) return ''
  return `AND ${alias}.user_id IN (SELECT user_id FROM team_memberships WHERE team_id = :teamId)`
}

function bindings(board: LeaderboardQuery) {
  return {
    period: board.period.toUpperCase(),
    periodStart: periodStart(board.period),
    ...(board.teamId ? { teamId: board.teamId } : {}),
  }
}

/**
 * The metric's column: the metric is one of a closed list, so naming the
 * column in SQL text is safe; this keeps it that way.
 */
function metricColumn(metric: LeaderboardMetric) {
  return { points: 'points', earnings: 'earnings', completions: 'completions' }[metric]
}

function standing(metric: LeaderboardMetric, row: StandingRow): Standing {
  return {
    rank: Number(row.rank),
    user: { id: row.user_id, username: row.username },
    value: metric === 'earnings' ? Money.fromDb(row.value) : Number(row.value),
  }
}
