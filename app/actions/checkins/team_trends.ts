import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import CheckIn from '#models/check_in'
import type Team from '#models/team'
import { CHECKIN_SCORES } from '#enums/team'
import { TRENDS_DEFAULT_WEEKS } from '#validators/check_in'

export type Averages = {
  productive: number | null
  satisfied: number | null
  body: number | null
  care: number | null
  score: number | null
}

export type Scores = {
  productive: number
  satisfied: number
  body: number
  care: number
  score: number
}

export type WeekTrend = {
  weekStart: string
  averages: Averages
  checkIns: number
  /**
   * Members who checked in that week ÷ the team's members now, 0–1 with
   * two decimals (null for a team with no members left).
   */
  participation: number | null
  /**
   * The member's own check-in that week (personal vs group), when asked
   * for a member.
   */
  mine: Scores | null
}

export type TeamTrendsResult = { teamId: string; weeks: WeekTrend[] }

/**
 * A team's weekly averages (F3, H2) over the last `weeks` weeks, oldest
 * first, this week included, every week present even without check-ins.
 * Private check-ins count here like any other: an average shows nobody's
 * answers, only the team's. One statement reading the (team_id,
 * week_start) index over the window, so its cost follows the team's
 * check-ins in the window, not the table's.
 */
export default class TeamTrends {
  static async handle(
    team: Team,
    {
      weeks = TRENDS_DEFAULT_WEEKS,
      userId = null,
      now = DateTime.now(),
    }: { weeks?: number; userId?: string | null; now?: DateTime } = {}
  ): Promise<TeamTrendsResult> {
    const window = TeamTrends.window(team, weeks, now)
    const averages = CHECKIN_SCORES.map((name) => `round(avg(${name}), 2) AS avg_${name}`).join(
      ', '
    )
    const { rows } = await db.rawQuery(
      `WITH weeks AS (
         SELECT week::date AS week_start
           FROM generate_series(:first::date, :last::date, interval '7 days') AS week
       ), team_weeks AS (
         SELECT week_start, ${averages}, round(avg(score), 2) AS avg_score,
                count(*) AS check_ins, count(DISTINCT user_id) AS participants
           FROM check_ins
          WHERE team_id = :teamId AND week_start BETWEEN :first AND :last
          GROUP BY week_start
       ), mine AS (
         SELECT week_start, productive, satisfied, body, care, score
           FROM check_ins
          WHERE team_id = :teamId AND user_id = :userId AND week_start BETWEEN :first AND :last
       )
       SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS week, ${TEAM_COLUMNS},
              mine.productive, mine.satisfied, mine.body, mine.care, mine.score,
              (SELECT member_count FROM teams WHERE id = :teamId) AS member_count
         FROM weeks
         LEFT JOIN team_weeks ON team_weeks.week_start = weeks.week_start
         LEFT JOIN mine ON mine.week_start = weeks.week_start
        ORDER BY weeks.week_start`,
      { teamId: team.id, userId, first: window.first, last: window.last }
    )
    return { teamId: team.id, weeks: rows.map(toWeek) }
  }

  /**
   * The Mondays of the first and the current week of the window.
   */
  static window(team: Team, weeks: number, now: DateTime = DateTime.now()) {
    return CheckIn.window(team.timezone, weeks, now)
  }
}

const TEAM_COLUMNS = [
  ...CHECKIN_SCORES.map((name) => `avg_${name}`),
  'avg_score',
  'check_ins',
  'participants',
]
  .map((column) => `team_weeks.${column}`)
  .join(', ')

function toWeek(row: Record<string, any>): WeekTrend {
  const checkIns = Number(row.check_ins ?? 0)
  const members = Number(row.member_count)
  return {
    weekStart: row.week,
    averages: {
      productive: decimal(row.avg_productive),
      satisfied: decimal(row.avg_satisfied),
      body: decimal(row.avg_body),
      care: decimal(row.avg_care),
      score: decimal(row.avg_score),
    },
    checkIns,
    participation: members
      ? Math.round((Number(row.participants ?? 0) / members) * 100) / 100
      : null,
    mine:
      row.score === null
        ? null
        : {
            productive: row.productive,
            satisfied: row.satisfied,
            body: row.body,
            care: row.care,
            score: row.score,
          },
  }
}

function decimal(value: string | null) {
  return value === null || value === undefined ? null : Number(value)
}
