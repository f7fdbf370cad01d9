import { test } from '@japa/runner'
import { streakAt, weekOf } from '#gamification/streaks'

const at = (iso: string) => new Date(`${iso}T12:00:00Z`)

test.group('Streaks', () => {
  test('a week starts on Monday, UTC', ({ assert }) => {
    assert.equal(weekOf(at('2026-03-02')), '2026-03-02')
    assert.equal(weekOf(at('2026-03-08')), '2026-03-02')
    assert.equal(weekOf(new Date('2026-03-09T00:00:00Z')), '2026-03-09')
  })

  test('counts active weeks in a row back from now', ({ assert }) => {
    const weeks = new Set(['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'])
    assert.equal(streakAt(weeks, [], at('2026-03-04')), 4)
    assert.equal(streakAt(new Set(), [], at('2026-03-04')), 0)
  })

  test('this week without activity yet does not break the streak; a missed week does', ({
    assert,
  }) => {
    const weeks = new Set(['2026-02-16', '2026-02-23'])
    assert.equal(streakAt(weeks, [], at('2026-03-04')), 2)
    assert.equal(streakAt(weeks, [], at('2026-03-11')), 0)
  })

  test('weeks away freeze the streak: they neither count nor break it', ({ assert }) => {
    const weeks = new Set(['2026-02-02', '2026-02-09', '2026-03-02'])
    const away = [
      { startsAt: new Date('2026-02-16T09:00:00Z'), endsAt: new Date('2026-02-27T09:00:00Z') },
    ]
    assert.equal(streakAt(weeks, away, at('2026-03-04')), 3)
    assert.equal(streakAt(weeks, [], at('2026-03-04')), 1)
  })
})
