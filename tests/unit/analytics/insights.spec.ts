import { test } from '@japa/runner'
import { checkInInsights, streakOf, trendOf } from '#actions/analytics/insights'
import type { WeekTrend } from '#actions/checkins/team_trends'

type Answers = [number, number, number, number]

/**
 * A week of a comparison from fixed figures: the team's averages (with how
 * many check-ins and what share of the team), and the member's own answers.
 */
function week(
  weekStart: string,
  team: Answers | null,
  mine: Answers | null,
  { checkIns = team ? 2 : 0, participation = team ? 0.5 : 0 } = {}
): WeekTrend {
  const scored = (answers: Answers) => ({
    productive: answers[0],
    satisfied: answers[1],
    body: answers[2],
    care: answers[3],
    score: answers[0] + answers[1] + answers[2] - answers[3],
  })
  return {
    weekStart,
    averages: team
      ? scored(team)
      : { productive: null, satisfied: null, body: null, care: null, score: null },
    checkIns,
    participation,
    mine: mine ? scored(mine) : null,
  }
}

const MONDAYS = ['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']
const noStreak = { current: 0, longest: 0 }

test.group('Check-in insights', () => {
  test('the member’s care score rising three weeks in a row is a concern, in words', ({
    assert,
  }) => {
    const weeks = [
      week(MONDAYS[0], [6, 6, 6, 5], [6, 6, 6, 2]),
      week(MONDAYS[1], [6, 6, 6, 5], [6, 6, 6, 4]),
      week(MONDAYS[2], [6, 6, 6, 5], [6, 6, 6, 5]),
      week(MONDAYS[3], [6, 6, 6, 5], [6, 6, 6, 7]),
    ]
    const insights = checkInInsights(weeks, noStreak)
    const care = insights.filter((insight) => insight.code === 'MY_TREND')
    assert.deepEqual(care, [
      {
        code: 'MY_TREND',
        tone: 'concern',
        text: 'Your check-in score has fallen three weeks in a row (from 16 to 11).',
      },
      {
        code: 'MY_TREND',
        tone: 'concern',
        text: 'Your care score has risen three weeks in a row (from 2 to 7).',
      },
    ])
  })

  test('a rising score is good, a rising team average too; two rises are not a trend', ({
    assert,
  }) => {
    const weeks = [
      week(MONDAYS[0], [4, 5, 5, 5], [5, 5, 5, 5]),
      week(MONDAYS[1], [5, 5, 5, 5], [5, 5, 5, 5]),
      week(MONDAYS[2], [6, 5, 5, 5], [6, 5, 5, 5]),
      week(MONDAYS[3], [7, 5, 5, 5], [7, 5, 5, 5]),
    ]
    const texts = checkInInsights(weeks, noStreak).filter((insight) =>
      ['MY_TREND', 'TEAM_TREND'].includes(insight.code)
    )
    assert.deepEqual(texts, [
      {
        code: 'TEAM_TREND',
        tone: 'good',
        text: 'The team’s average score has risen three weeks in a row (from 9 to 12).',
      },
    ])
  })

  test('the current week without a check-in yet does not end a run, an earlier gap does', ({
    assert,
  }) => {
    assert.deepEqual(trendOf([1, 2, 3, 4, null]), { direction: 'up', steps: 3, from: 1, to: 4 })
    assert.isNull(trendOf([1, 2, null, 3, 4, 5]))
    assert.deepEqual(trendOf([9, 1, 2, 3, 4]), { direction: 'up', steps: 3, from: 1, to: 4 })
    assert.isNull(trendOf([1, 2, 2, 3, 4]))
    assert.deepEqual(trendOf([9, 8, 7, 6, 5]), { direction: 'down', steps: 4, from: 9, to: 5 })
  })

  test('the lowest score this month is weighed by check-ins and leaves care out', ({ assert }) => {
    const weeks = [
      // Outside the month: a body score of 1 no longer counts.
      week(MONDAYS[0], [9, 9, 1, 1], null),
      week(MONDAYS[1], [6, 7, 4, 9], null, { checkIns: 1 }),
      week(MONDAYS[2], [6, 7, 7, 9], null, { checkIns: 3 }),
      week(MONDAYS[3], null, null),
      week(MONDAYS[4], [8, 5, 5, 9], [3, 8, 8, 1], { checkIns: 1 }),
    ]
    const lowest = checkInInsights(weeks, noStreak).filter((insight) =>
      insight.code.endsWith('_LOWEST')
    )
    assert.deepEqual(lowest, [
      {
        code: 'MY_LOWEST',
        tone: 'neutral',
        text: 'Your lowest answer this month is “Productive” (on average 3 out of 10).',
      },
      {
        code: 'TEAM_LOWEST',
        tone: 'neutral',
        text: 'The team’s lowest answer this month is “Body” (on average 6 out of 10).',
      },
    ])
  })

  test('last week’s participation: everyone, a share, or only a few', ({ assert }) => {
    const said = (participation: number) =>
      checkInInsights(
        [week(MONDAYS[0], [5, 5, 5, 5], null, { participation }), week(MONDAYS[1], null, null)],
        noStreak
      ).find((insight) => insight.code === 'PARTICIPATION')
    assert.deepEqual(said(1), {
      code: 'PARTICIPATION',
      tone: 'good',
      text: 'Everyone in the team checked in last week.',
    })
    assert.equal(said(0.67)!.text, '67% of the team checked in last week.')
    assert.deepEqual(said(0.25), {
      code: 'PARTICIPATION',
      tone: 'concern',
      text: 'Only 25% of the team checked in last week.',
    })
  })

  test('a streak of two weeks or more is said, and a week still without a check-in', ({
    assert,
  }) => {
    const weeks = [week(MONDAYS[0], [5, 5, 5, 5], [5, 5, 5, 5]), week(MONDAYS[1], null, null)]
    const codes = checkInInsights(weeks, { current: 4, longest: 6 })
      .filter((insight) => ['STREAK', 'NOT_CHECKED_IN'].includes(insight.code))
      .map((insight) => insight.text)
    assert.deepEqual(codes, [
      'You have checked in four weeks in a row.',
      'You have not checked in this week yet.',
    ])
    assert.isEmpty(checkInInsights([], noStreak))
  })
})

test.group('Participation streak', () => {
  test('counts back from this week, or from last week while this one is open', ({ assert }) => {
    const current = '2026-03-23'
    assert.deepEqual(streakOf(['2026-03-23', '2026-03-16', '2026-03-09'], current), {
      current: 3,
      longest: 3,
    })
    assert.deepEqual(streakOf(['2026-03-16', '2026-03-09'], current), { current: 2, longest: 2 })
    assert.deepEqual(streakOf(['2026-03-09', '2026-03-02'], current), { current: 0, longest: 2 })
  })

  test('the longest run survives a gap, and a week counted twice counts once', ({ assert }) => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-19', '2026-02-02']
    assert.deepEqual(streakOf(weeks, '2026-02-02'), { current: 1, longest: 3 })
    assert.deepEqual(streakOf([], '2026-02-02'), { current: 0, longest: 0 })
  })

  test('a run across a year’s end and a daylight-saving change stays whole', ({ assert }) => {
    const weeks = ['2025-12-22', '2025-12-29', '2026-01-05', '2026-03-02', '2026-03-09']
    assert.deepEqual(streakOf(weeks.slice(0, 3), '2026-01-05'), { current: 3, longest: 3 })
    assert.deepEqual(streakOf(weeks, '2026-03-16'), { current: 2, longest: 3 })
  })
})
