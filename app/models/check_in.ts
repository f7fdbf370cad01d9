import { DateTime } from 'luxon'
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
   * first, with their authors.
   */
  static visibleInTeam(
    team: Team,
    viewer: { id: string },
    window: { first: string; last: string }
  ) {
    return CheckIn.query()
      .where('team_id', team.id)
      .whereBetween('week_start', [window.first, window.last])
      .where((query) => query.where('is_private', false).orWhere('user_id', viewer.id))
      .preload('user')
      .orderBy('week_start', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
  }
}
