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

export default class Streaks {
  /**
   * A member's active weeks and away periods, what `streakAt` reads.
   */
  static async historyOf(userId: string, client: QueryClientContract = db.connection()) {
    const [weeks, away] = await Promise.all([
      client
        .from('activity_weeks')
        .where('user_id', userId)
        .orderBy('week_start')
        .select(db.raw('week_start::text AS week'), 'first_at'),
      client.from('away_periods').where('user_id', userId).select('starts_at', 'ends_at'),
    ])
    return {
      weeks: weeks.map((row: { week: string; first_at: Date }) => ({
        week: row.week,
        firstAt: row.first_at,
      })),
      away: away.map((row: { starts_at: Date; ends_at: Date }) => ({
        startsAt: row.starts_at,
        endsAt: row.ends_at,
      })),
    }
  }

  /**
   * A member's streak now, in weeks.
   */
  static async weeksOf(userId: string, client: QueryClientContract = db.connection()) {
    const history = await this.historyOf(userId, client)
    return streakAt(new Set(history.weeks.map(({ week }) => week)), history.away, new Date())
  }
}
