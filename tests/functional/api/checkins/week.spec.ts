import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import SubmitCheckIn from '#actions/checkins/submit_check_in'
import UpdateCheckIn from '#actions/checkins/update_check_in'
import DeleteCheckIn from '#actions/checkins/delete_check_in'
import { DomainError } from '#exceptions/domain_error'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'

const answers = { productive: 8, satisfied: 7, body: 6, care: 9 }

/**
 * Sunday 23:30 and Monday 00:30 in Los Angeles (UTC−7 in March 2026).
 */
const SUNDAY_NIGHT_LA = DateTime.fromISO('2026-03-23T06:30:00Z')
const MONDAY_MORNING_LA = DateTime.fromISO('2026-03-23T07:30:00Z')

test.group('Check-in weeks in the team’s timezone', (group) => {
  isolateDatabase(group)

  test('Sunday night in Los Angeles (Monday in UTC) counts for the week that is ending there', async ({
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']], { timezone: 'America/Los_Angeles' })

    const checkIn = await SubmitCheckIn.handle(user, team, answers, { now: SUNDAY_NIGHT_LA })

    assert.equal(checkIn.weekStartDate, '2026-03-16')
    const next = await SubmitCheckIn.handle(user, team, answers, { now: MONDAY_MORNING_LA })
    assert.equal(next.weekStartDate, '2026-03-23')
  })

  test('a check-in made on Sunday night can be changed until midnight there, not after', async ({
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']], { timezone: 'America/Los_Angeles' })
    const checkIn = await SubmitCheckIn.handle(user, team, answers, { now: SUNDAY_NIGHT_LA })

    const changed = await UpdateCheckIn.handle(
      checkIn,
      { care: 1 },
      { now: SUNDAY_NIGHT_LA.plus({ minutes: 29 }) }
    )
    assert.equal(changed.score, 20)

    const error = await UpdateCheckIn.handle(
      checkIn,
      { care: 5 },
      { now: MONDAY_MORNING_LA }
    ).catch((thrown) => thrown)
    assert.instanceOf(error, DomainError)
    assert.equal(error.code, 'INVALID_TRANSITION')
    const deleteError = await DeleteCheckIn.handle(checkIn, { now: MONDAY_MORNING_LA }).catch(
      (thrown) => thrown
    )
    assert.equal(deleteError.code, 'INVALID_TRANSITION')
  })
})
