import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import RemindCheckIns from '#actions/checkins/remind_check_ins'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'

const answers = { productive: 8, satisfied: 7, body: 6, care: 9 }

/**
 * Friday 20 March 2026, 10:30 UTC: reminder time for a team on UTC.
 */
const FRIDAY_MORNING = DateTime.fromISO('2026-03-20T10:30:00Z')

async function remindersTo(userId: string) {
  return db.from('notifications').where('user_id', userId).where('type', 'checkin.reminder')
}

test.group('Weekly check-in reminder', (group) => {
  isolateDatabase(group)

  test('members who have not checked in this week are reminded, once', async ({ assert }) => {
    const [done, late] = await Promise.all([member(), member()])
    const team = await teamWith(
      [
        [done, 'MEMBER'],
        [late, 'MEMBER'],
      ],
      { name: 'Flame' }
    )
    await checkInRow(team, done, answers, { weekStart: '2026-03-16' })
    await checkInRow(team, late, answers, { weekStart: '2026-03-09' })

    const told = await RemindCheckIns.handle({ now: FRIDAY_MORNING })

    assert.equal(told, 1)
    assert.lengthOf(await remindersTo(done.id), 0)
    const [reminder] = await remindersTo(late.id)
    assert.equal(reminder.title, 'Check in with Flame')
    assert.equal(reminder.url, urlFor('team_checkins.index', { id: team.id }))
    assert.deepEqual(reminder.data, { teamId: team.id, weekStart: '2026-03-16' })

    assert.equal(await RemindCheckIns.handle({ now: FRIDAY_MORNING.plus({ hours: 1 }) }), 0)
    assert.equal(await RemindCheckIns.handle({ now: FRIDAY_MORNING.plus({ days: 2 }) }), 0)
    assert.lengthOf(await remindersTo(late.id), 1)
  })

  test('the next week reminds again', async ({ assert }) => {
    const user = await member()
    await teamWith([[user, 'MEMBER']])
    await RemindCheckIns.handle({ now: FRIDAY_MORNING })
    await RemindCheckIns.handle({ now: FRIDAY_MORNING.plus({ weeks: 1 }) })
    assert.lengthOf(await remindersTo(user.id), 2)
  })

  test('nobody is reminded before Friday 10:00 on the team’s clock', async ({ assert }) => {
    const user = await member()
    await teamWith([[user, 'MEMBER']])
    assert.equal(await RemindCheckIns.handle({ now: FRIDAY_MORNING.set({ hour: 9 }) }), 0)
    assert.equal(await RemindCheckIns.handle({ now: FRIDAY_MORNING.minus({ days: 3 }) }), 0)
    assert.lengthOf(await remindersTo(user.id), 0)
  })

  test('each team is reminded at its own Friday morning', async ({ assert }) => {
    const [inTokyo, inLondon] = await Promise.all([member(), member()])
    await teamWith([[inTokyo, 'MEMBER']], { timezone: 'Asia/Tokyo' })
    await teamWith([[inLondon, 'MEMBER']], { timezone: 'Europe/London' })
    // 11:00 on Friday in Tokyo, 01:00 in London.
    const fridayInTokyo = DateTime.fromISO('2026-03-20T02:00:00Z')

    await RemindCheckIns.handle({ now: fridayInTokyo })

    assert.lengthOf(await remindersTo(inTokyo.id), 1)
    assert.lengthOf(await remindersTo(inLondon.id), 0)
  })

  test('a member who turned the reminder off is not told, and the week still counts as done', async ({
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    await db
      .table('notification_preferences')
      .insert({ user_id: user.id, type: 'checkin.reminder', channel: 'off' })

    await RemindCheckIns.handle({ now: FRIDAY_MORNING })

    assert.lengthOf(await remindersTo(user.id), 0)
    const claimed = await db.from('check_in_reminders').where('team_id', team.id)
    assert.lengthOf(claimed, 1)
  })

  test('deactivated members are not reminded', async ({ assert }) => {
    const user = await member()
    await teamWith([[user, 'MEMBER']])
    user.isActive = false
    await user.save()

    await RemindCheckIns.handle({ now: FRIDAY_MORNING })

    assert.lengthOf(await remindersTo(user.id), 0)
  })
})
