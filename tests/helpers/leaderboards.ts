import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { periodStart } from '#gamification/leaderboard'
import type { LeaderboardPeriod } from '#enums/leaderboard'

/**
 * A member's current row of one period in the member totals, written
 * directly: leaderboards read only that aggregate, and how payouts keep it
 * is tested in tests/functional/gamification/member_totals.spec.ts.
 */
export async function totalsOf(
  user: User,
  totals: { points?: number; earnings?: string; completions?: number },
  period: LeaderboardPeriod = 'all'
) {
  await db.table('member_totals').insert({
    period: period.toUpperCase(),
    period_start: periodStart(period),
    user_id: user.id,
    points: totals.points ?? 0,
    earnings: totals.earnings ?? '0.00',
    completions: totals.completions ?? 0,
  })
}

/**
 * Turns a member's leaderboard opt-out (K9) on or off.
 */
export async function optOut(user: User, out = true) {
  await db.from('user_settings').where('user_id', user.id).update({ leaderboard_opt_out: out })
}
