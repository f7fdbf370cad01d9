import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import CheckIn from '#models/check_in'
import AwayPeriod from '#models/away_period'
import Notify from '#actions/notifications/notify'

/**
 * When, in a team's own week, its members who have not checked in are
 * reminded: from Friday 10:00 on the team's clock, so there is a weekend
 * left to do it.
 */
export const REMINDER_WEEKDAY = 5
export const REMINDER_HOUR = 10

/**
 * The weekly check-in reminder (F3), run every hour by the scheduler: each
 * team whose reminder time has come this week (in its timezone) and who
 * was not reminded yet tells its members who have not checked in, through
 * Notify (so a member's preference for `checkin.reminder` decides). A
 * team's week is claimed in `check_in_reminders` in the transaction that
 * stores its notifications: a second run, a retry or a second worker
 * tells nobody twice, and a run that fails leaves the week to the next.
 */
export default class RemindCheckIns {
  static async handle({ now = DateTime.now() }: { now?: DateTime } = {}) {
    let reminded = 0
    for (const { timezone, weekStart } of await dueWeeks(now)) {
      const teams = await db
        .from('teams')
        .where('timezone', timezone)
        .whereNotExists((query) =>
          query
            .from('check_in_reminders')
            .whereColumn('check_in_reminders.team_id', 'teams.id')
            .where('check_in_reminders.week_start', weekStart)
        )
        .select('id', 'name')
      for (const team of teams) reminded += await remindTeam(team, weekStart, now)
    }
    return reminded
  }
}

/**
 * Each timezone teams use whose reminder time has come, with the week it
 * is in there.
 */
async function dueWeeks(now: DateTime) {
  const zones = await db.from('teams').distinct('timezone')
  return zones
    .map(({ timezone }: { timezone: string }) => ({ timezone, local: now.setZone(timezone) }))
    .filter(({ local }) => local.isValid && isDue(local))
    .map(({ timezone }) => ({ timezone, weekStart: CheckIn.weekStartOf(timezone, now) }))
}

function isDue(local: DateTime) {
  return (
    local.weekday > REMINDER_WEEKDAY ||
    (local.weekday === REMINDER_WEEKDAY && local.hour >= REMINDER_HOUR)
  )
}

/**
 * Claims the team's week and notifies its members who have not checked in
 * (active accounts only, none who is away, K8); the number told, 0 when
 * another run had it.
 */
async function remindTeam(team: { id: string; name: string }, weekStart: string, now: DateTime) {
  return db.transaction(async (trx) => {
    const claimed = await trx
      .insertQuery()
      .table('check_in_reminders')
      .insert({ team_id: team.id, week_start: weekStart })
      .onConflict(['team_id', 'week_start'])
      .ignore()
      .returning('team_id')
    if (!claimed.length) return 0
    const absent = await AwayPeriod.skipAway(
      trx.from('team_memberships'),
      'team_memberships.user_id',
      now
    )
      .join('users', 'users.id', 'team_memberships.user_id')
      .where('team_memberships.team_id', team.id)
      .where('users.is_active', true)
      .whereNull('users.deleted_at')
      .whereNotExists((query) =>
        query
          .from('check_ins')
          .whereColumn('check_ins.team_id', 'team_memberships.team_id')
          .whereColumn('check_ins.user_id', 'team_memberships.user_id')
          .where('check_ins.week_start', weekStart)
      )
      .select('team_memberships.user_id as id')
    if (!absent.length) return 0
    const notified = await Notify.handle(
      {
        type: 'checkin.reminder',
        recipients: absent,
        actor: null,
        title: `Check in with ${team.name}`,
        message: `You have not checked in with ${team.name} this week. It takes a minute: four scores and a note if you like.`,
        url: urlFor('team_checkins.index', { id: team.id }),
        data: { teamId: team.id, weekStart },
      },
      trx
    )
    return notified.length
  })
}
