import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Weekly activity streaks (E3) and how away mode freezes them (K8). A week
 * is a UTC week starting on Monday, as in `member_totals`; a member is
 * active in a week when they completed a bounty, published one or checked
 * in with a team (rows of `activity_weeks`).
 */
export type AwaySpan = { startsAt: Date; endsAt: Date }

const WEEK_MS = 7 * 24 * 3600 * 1000

/**
 * The Monday (`YYYY-MM-DD`, UTC) of the week `at` falls in.
 */
export function weekOf(at: Date) {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/**
 * The streak as of `at`: active weeks in a row counting back from the week
 * of `at`. The week of `at` itself does not break it while it has no
 * activity yet (the member still has until Sunday), and a week touched by
 * an away period neither counts nor breaks it: the streak is frozen.
 */
export function streakAt(activeWeeks: Set<string>, away: AwaySpan[], at: Date) {
  if (activeWeeks.size === 0) return 0
  const earliest = [...activeWeeks].sort()[0]
  let streak = 0
  let monday = new Date(`${weekOf(at)}T00:00:00Z`)
  for (let current = true; ; current = false) {
    const week = monday.toISOString().slice(0, 10)
    if (week < earliest) break
    if (activeWeeks.has(week)) streak++
    else if (!current && !touchesAway(monday, away)) break
    monday = new Date(monday.getTime() - WEEK_MS)
  }
  return streak
}

function touchesAway(monday: Date, away: AwaySpan[]) {
  const end = monday.getTime() + WEEK_MS
  return away.some(({ startsAt, endsAt }) => startsAt.getTime() < end && endsAt > monday)
}

export type StreakHistory = { weeks: { week: string; firstAt: Date }[]; away: AwaySpan[] }

export default class Streaks {
  /**
   * A member's active weeks and away periods, what `streakAt` reads.
   */
  static async historyOf(userId: string, client: QueryClientContract = db.connection()) {
    const histories = await this.historiesOf([userId], client)
    return histories.get(userId)!
  }

  /**
   * The histories of many members in two queries, for a rebuild. One after
   * the other, not together: in a transaction both would share one
   * connection, and pg refuses (deprecates) a query sent while another runs.
   */
  static async historiesOf(userIds: string[], client: QueryClientContract = db.connection()) {
    const weeks: { user_id: string; week: string; first_at: Date }[] = await client
      .from('activity_weeks')
      .whereIn('user_id', userIds)
      .orderBy(['user_id', 'week_start'])
      .select('user_id', db.raw('week_start::text AS week'), 'first_at')
    const away: { user_id: string; starts_at: Date; ends_at: Date }[] = await client
      .from('away_periods')
      .whereIn('user_id', userIds)
      .select('user_id', 'starts_at', 'ends_at')
    const histories = new Map<string, StreakHistory>(
      userIds.map((userId) => [userId, { weeks: [], away: [] }])
    )
    for (const row of weeks) {
      histories.get(row.user_id)!.weeks.push({ week: row.week, firstAt: row.first_at })
    }
    for (const row of away) {
      histories.get(row.user_id)!.away.push({ startsAt: row.starts_at, endsAt: row.ends_at })
    }
    return histories
  }

  /**
   * A member's streak now, in weeks.
   */
  static async weeksOf(userId: string, client: QueryClientContract = db.connection()) {
    const history = await this.historyOf(userId, client)
    return streakAt(new Set(history.weeks.map(({ week }) => week)), history.away, new Date())
  }
}
