import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { CheckInSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Team from '#models/team'
import User from '#models/user'

/**
 * A member's weekly check-in in a team (F3): four scores 1–10 and a note.
 * `score` (productive + satisfied + body − care) is computed by the
 * database; one per member, team and week, enforced by a unique index.
 */
export default class CheckIn extends CheckInSchema {
  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /**
   * The week a check-in made at `at` belongs to: the Monday (as
   * `YYYY-MM-DD`) of that moment's week on the team's clock. Every week
   * the app speaks of (submitting, editing, trends, reminders) comes from
   * here, so a team in Auckland and one in Los Angeles each turn the page
   * at their own Monday midnight.
   */
  static weekStartOf(timezone: string, at: DateTime = DateTime.now()) {
    const local = at.setZone(timezone)
    if (!local.isValid) throw new RangeError(`Unknown timezone "${timezone}"`)
    return local.startOf('week').toISODate()!
  }

  /**
   * The Mondays of the first and the current week of the last `weeks`
   * weeks on `timezone`'s clock, this week included.
   */
  static window(timezone: string, weeks: number, now: DateTime = DateTime.now()) {
    const last = CheckIn.weekStartOf(timezone, now)
    const first = DateTime.fromISO(last, { zone: 'utc' })
      .minus({ weeks: weeks - 1 })
      .toISODate()!
    return { first, last }
  }

  /**
   * The week's Monday as a date, for queries and the API.
   */
  get weekStartDate() {
    return this.weekStart.toISODate()!
  }

  isAuthoredBy(user: { id: string } | null | undefined) {
    return Boolean(user) && this.userId === user!.id
  }

  /**
   * Still this week on the team's clock: the only time its author may
   * change or withdraw it.
   */
  isOpen(timezone: string, now: DateTime = DateTime.now()) {
    return this.weekStartDate === CheckIn.weekStartOf(timezone, now)
  }

  /**
   * A member's check-ins in every team, newest week first.
   */
  static historyOf(user: { id: string }) {
    return CheckIn.query()
      .where('user_id', user.id)
      .orderBy('week_start', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
  }

  /**
   * The member's check-in for the team's current week, if they made it.
   */
  static currentOf(user: { id: string }, team: Team, now: DateTime = DateTime.now()) {
    return CheckIn.query()
      .where('team_id', team.id)
      .where('user_id', user.id)
      .where('week_start', CheckIn.weekStartOf(team.timezone, now))
      .first()
  }

  /**
   * A team's check-ins between two weeks (Mondays, inclusive) as `viewer`
   * may see them: everyone's but other members' private ones, newest week
   * first, with their authors. A team's page and its API list hundreds of
   * these per request and only read them, so they come as plain rows in
   * their API shape from one joined query, never hydrated as models.
   */
  static async visibleInTeam(
    team: Team,
    viewer: { id: string },
    window: { first: string; last: string }
  ): Promise<TeamCheckIn[]> {
    const rows = await db
      .from('check_ins as c')
      .join('users as u', 'u.id', 'c.user_id')
      .where('c.team_id', team.id)
      .whereBetween('c.week_start', [window.first, window.last])
      .where((query) => query.where('c.is_private', false).orWhere('c.user_id', viewer.id))
      .orderBy('c.week_start', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .select(
        'c.id',
        'c.team_id',
        db.raw('c.week_start::text AS week_start'),
        'c.productive',
        'c.satisfied',
        'c.body',
        'c.care',
        'c.score',
        'c.note',
        'c.is_private',
        db.raw(
          `to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`
        ),
        'c.user_id',
        'u.username'
      )
    return rows.map((row) => ({
      id: row.id,
      teamId: row.team_id,
      weekStart: row.week_start,
      productive: row.productive,
      satisfied: row.satisfied,
      body: row.body,
      care: row.care,
      score: row.score,
      note: row.note,
      isPrivate: row.is_private,
      createdAt: row.created_at,
      user: { id: row.user_id, username: row.username },
    }))
  }
}

/**
 * A check-in in a team's list, as the API shows it (`weekStart` a date,
 * `createdAt` an ISO instant in UTC) with who wrote it.
 */
export type TeamCheckIn = {
  id: string
  teamId: string
  weekStart: string
  productive: number
  satisfied: number
  body: number
  care: number
  score: number
  note: string | null
  isPrivate: boolean
  createdAt: string
  user: { id: string; username: string }
}
