import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import CheckIn from '#models/check_in'

/**
 * A check-in's week is the Monday of the moment it is made, on the team's
 * clock (docs/checkins.md).
 */
test.group('CheckIn.weekStartOf', () => {
  test('{zone} at {at} belongs to the week of {monday}')
    .with([
      { zone: 'UTC', at: '2026-03-16T00:00:00Z', monday: '2026-03-16' },
      { zone: 'UTC', at: '2026-03-15T23:59:59Z', monday: '2026-03-09' },
      { zone: 'UTC', at: '2026-03-22T23:59:59Z', monday: '2026-03-16' },
      // Monday 01:00 in Tokyo is Sunday 16:00 UTC: Tokyo has turned the page.
      { zone: 'Asia/Tokyo', at: '2026-03-15T16:00:00Z', monday: '2026-03-16' },
      { zone: 'Asia/Tokyo', at: '2026-03-15T14:59:59Z', monday: '2026-03-09' },
      // Sunday 23:30 in Los Angeles is Monday 06:30 UTC: LA has not.
      { zone: 'America/Los_Angeles', at: '2026-03-23T06:30:00Z', monday: '2026-03-16' },
      { zone: 'America/Los_Angeles', at: '2026-03-23T07:00:00Z', monday: '2026-03-23' },
      // The week DST starts in the US (8 March 2026) still starts on Monday.
      { zone: 'America/New_York', at: '2026-03-09T04:00:00Z', monday: '2026-03-09' },
      { zone: 'America/New_York', at: '2026-03-09T03:59:59Z', monday: '2026-03-02' },
      // Across a year's end: Monday 29 December 2025 starts the week.
      { zone: 'Pacific/Auckland', at: '2026-01-01T00:00:00Z', monday: '2025-12-29' },
      { zone: 'Pacific/Kiritimati', at: '2026-01-04T10:00:00Z', monday: '2026-01-05' },
    ])
    .run(({ assert }, { zone, at, monday }) => {
      assert.equal(CheckIn.weekStartOf(zone, DateTime.fromISO(at)), monday)
    })

  test('an unknown timezone is an error, not a silent UTC week', ({ assert }) => {
    assert.throws(() => CheckIn.weekStartOf('Mars/Olympus_Mons'), /Unknown timezone/)
  })
})
