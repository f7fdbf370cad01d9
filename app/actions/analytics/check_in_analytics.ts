import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import CheckIn from '#models/check_in'
import type Team from '#models/team'
import UserSetting from '#models/user_setting'
import TeamTrends, { type Averages, type WeekTrend } from '#actions/checkins/team_trends'
import { checkInInsights, streakOf, type Streak } from '#actions/analytics/insights'
import { CHECKIN_SCORES } from '#enums/team'
import { TRENDS_DEFAULT_WEEKS } from '#validators/check_in'

export type PersonalWeek = { weekStart: string; checkIns: number; scores: Averages }

export type PersonalAnalytics = { weeks: PersonalWeek[]; streak: Streak }

export type Comparison = { teamId: string; timezone: string; weeks: WeekTrend[]; streak: Streak }

type Member = { id: string }

/**
 * A member's check-in analytics (issue 19): their own scores week by week,
 * their team's averages, the two side by side, and the insights drawn from
 * them. Every week is a check-in week, Monday on the team's clock; only
 * the caller's own answers are ever returned as someone's, the rest are
 * team averages (private check-ins included, as in docs/checkins.md).
 */
export default class CheckInAnalytics {
  /**
   * The member's weekly scores across their teams, oldest week first, every
   * week of the window present (averaged when they checked in with several
   * teams that week), and their participation streak in any team. The
   * window ends with the latest current week of the member's clock and
   * their teams' clocks, so a check-in made where Monday has already come
   * is in it.
   */
  static async personal(
    user: Member,
    { weeks = TRENDS_DEFAULT_WEEKS, now = DateTime.now() }: { weeks?: number; now?: DateTime } = {}
  ): Promise<PersonalAnalytics> {
    const clocks = await CheckInAnalytics.clocksOf(user)
    const last = clocks
      .map((zone) => CheckIn.weekStartOf(zone, now))
      .sort()
      .at(-1)!
    const first = DateTime.fromISO(last, { zone: 'utc' })
      .minus({ weeks: weeks - 1 })
      .toISODate()!
    const averages = CHECKIN_SCORES.map((name) => `round(avg(${name}), 2) AS ${name}`).join(', ')
    const [{ rows }, history] = await Promise.all([
      db.rawQuery(
        `WITH weeks AS (
           SELECT week::date AS week_start
             FROM generate_series(:first::date, :last::date, interval '7 days') AS week
         ), mine AS (
           SELECT week_start, count(*) AS check_ins, ${averages}, round(avg(score), 2) AS score
             FROM check_ins
            WHERE user_id = :userId AND week_start BETWEEN :first AND :last
            GROUP BY week_start
         )
         SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS week, mine.*
           FROM weeks LEFT JOIN mine ON mine.week_start = weeks.week_start
          ORDER BY weeks.week_start`,
        { userId: user.id, first, last }
      ),
      CheckInAnalytics.weeksCheckedIn(user),
    ])
    return {
      weeks: rows.map((row: Record<string, any>) => ({
        weekStart: row.week,
        checkIns: Number(row.check_ins ?? 0),
        scores: {
          productive: decimal(row.productive),
          satisfied: decimal(row.satisfied),
          body: decimal(row.body),
          care: decimal(row.care),
          score: decimal(row.score),
        },
      })),
      streak: streakOf(history, last),
    }
  }

  /**
   * The team's weekly averages and participation, nobody's own answers.
   */
  static async team(team: Team, { weeks = TRENDS_DEFAULT_WEEKS, now = DateTime.now() } = {}) {
    return TeamTrends.handle(team, { weeks, now })
  }

  /**
   * The member's own scores beside the team's averages, week by week, and
   * their participation streak in that team.
   */
  static async comparison(
    user: Member,
    team: Team,
    { weeks = TRENDS_DEFAULT_WEEKS, now = DateTime.now() }: { weeks?: number; now?: DateTime } = {}
  ): Promise<Comparison> {
    const [trends, history] = await Promise.all([
      TeamTrends.handle(team, { weeks, userId: user.id, now }),
      CheckInAnalytics.weeksCheckedIn(user, team),
    ])
    return {
      teamId: team.id,
      timezone: team.timezone,
      weeks: trends.weeks,
      streak: streakOf(history, CheckIn.weekStartOf(team.timezone, now)),
    }
  }

  /**
   * The insights of the comparison's default window (app/actions/analytics/insights.ts).
   */
  static async insights(user: Member, team: Team, { now = DateTime.now() } = {}) {
    const { weeks, streak } = await CheckInAnalytics.comparison(user, team, { now })
    return checkInInsights(weeks, streak)
  }

  /**
   * The member's timezone and their teams', each once.
   */
  private static async clocksOf(user: Member) {
    const [own, teams] = await Promise.all([
      UserSetting.timezoneOf(user),
      db
        .from('team_memberships')
        .join('teams', 'teams.id', 'team_memberships.team_id')
        .where('team_memberships.user_id', user.id)
        .distinct('teams.timezone'),
    ])
    return [own, ...teams.map((row: { timezone: string }) => row.timezone)]
  }

  /**
   * The Mondays the member checked in (with this team, or any), for the
   * streak: one short row per week, read through the member's unique index.
   */
  private static async weeksCheckedIn(user: Member, team?: Team) {
    const query = db
      .from('check_ins')
      .where('user_id', user.id)
      .select(db.raw(`DISTINCT to_char(week_start, 'YYYY-MM-DD') AS week`))
    if (team) query.where('team_id', team.id)
    const rows: { week: string }[] = await query
    return rows.map(({ week }) => week)
  }
}

function decimal(value: string | null | undefined) {
  return value === null || value === undefined ? null : Number(value)
}
