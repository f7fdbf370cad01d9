import type { Averages, Scores, WeekTrend } from '#actions/checkins/team_trends'

/**
 * Plain-language observations about a member's check-ins beside their
 * team's (issue 19): every sentence comes from one of the rules below,
 * applied to the figures the comparison shows, so an insight never says
 * anything the numbers do not. docs/analytics.md lists the rules.
 */
export type InsightTone = 'good' | 'concern' | 'neutral'

export type Insight = { code: InsightCode; tone: InsightTone; text: string }

export const INSIGHT_CODES = [
  'MY_TREND',
  'TEAM_TREND',
  'MY_LOWEST',
  'TEAM_LOWEST',
  'PARTICIPATION',
  'STREAK',
  'NOT_CHECKED_IN',
] as const

export type InsightCode = (typeof INSIGHT_CODES)[number]

export type Streak = { current: number; longest: number }

/**
 * Rises or falls in a row before a trend is worth a sentence.
 */
export const TREND_MIN_STEPS = 3

/**
 * "This month": the last four weeks, the current one included.
 */
export const MONTH_WEEKS = 4

type Metric = keyof Scores

/**
 * The order insights about scores come in, and how each is named.
 */
const METRICS: { key: Metric; name: string }[] = [
  { key: 'score', name: 'check-in score' },
  { key: 'productive', name: 'productive score' },
  { key: 'satisfied', name: 'satisfied score' },
  { key: 'body', name: 'body score' },
  { key: 'care', name: 'care score' },
]

/**
 * The answers where a low figure is the one to look at: care counts
 * against the score, so its high figure is, not its low one. Each is named
 * as the charts' legends name it ("lowest score is satisfied" read as if
 * the score were content).
 */
const LOW_IS_WORSE: { key: Metric; name: string }[] = [
  { key: 'productive', name: 'Productive' },
  { key: 'satisfied', name: 'Satisfied' },
  { key: 'body', name: 'Body' },
]

export function checkInInsights(weeks: WeekTrend[], streak: Streak): Insight[] {
  return [
    ...myTrends(weeks),
    ...teamTrend(weeks),
    ...lowest('MY_LOWEST', 'Your', monthOf(weeks).map(mineAsWeight)),
    ...lowest('TEAM_LOWEST', 'The team’s', monthOf(weeks).map(teamAsWeight)),
    ...participation(weeks),
    ...streakInsights(weeks, streak),
  ]
}

/**
 * The member's own score and answers rising or falling week after week.
 */
function myTrends(weeks: WeekTrend[]): Insight[] {
  return METRICS.flatMap(({ key, name }) => {
    const trend = trendOf(weeks.map((week) => week.mine?.[key] ?? null))
    return trend ? [describeTrend('MY_TREND', `Your ${name}`, key, trend)] : []
  })
}

function teamTrend(weeks: WeekTrend[]): Insight[] {
  const trend = trendOf(weeks.map((week) => week.averages.score))
  return trend ? [describeTrend('TEAM_TREND', 'The team’s average score', 'score', trend)] : []
}

type Trend = { direction: 'up' | 'down'; steps: number; from: number; to: number }

/**
 * The run of rises (or falls) that ends the series, week after week without
 * a gap. The current week counts only once it has a figure: a week still
 * open does not end a run.
 */
export function trendOf(values: (number | null)[]): Trend | null {
  const series = values.at(-1) === null ? values.slice(0, -1) : values
  let rises = 0
  let falls = 0
  for (let index = series.length - 1; index > 0; index--) {
    const before = series[index - 1]
    const after = series[index]
    if (before === null || after === null) break
    if (after > before && falls === 0) rises++
    else if (after < before && rises === 0) falls++
    else break
  }
  const steps = Math.max(rises, falls)
  if (steps < TREND_MIN_STEPS) return null
  return {
    direction: rises ? 'up' : 'down',
    steps,
    from: series[series.length - 1 - steps]!,
    to: series.at(-1)!,
  }
}

function describeTrend(code: InsightCode, subject: string, metric: Metric, trend: Trend): Insight {
  const better = (trend.direction === 'up') !== (metric === 'care')
  return {
    code,
    tone: better ? 'good' : 'concern',
    text:
      `${subject} has ${trend.direction === 'up' ? 'risen' : 'fallen'} ` +
      `${count(trend.steps)} weeks in a row (from ${figure(trend.from)} to ${figure(trend.to)}).`,
  }
}

function monthOf(weeks: WeekTrend[]) {
  return weeks.slice(-MONTH_WEEKS)
}

type Weighted = { values: Averages | Scores | null; weight: number }

function mineAsWeight(week: WeekTrend): Weighted {
  return { values: week.mine, weight: week.mine ? 1 : 0 }
}

function teamAsWeight(week: WeekTrend): Weighted {
  return { values: week.averages, weight: week.checkIns }
}

/**
 * The lowest of productive, satisfied and body over the month, each week's
 * figure weighed by the check-ins behind it; the first of a tie.
 */
function lowest(code: InsightCode, subject: string, weeks: Weighted[]): Insight[] {
  const counted = weeks.filter(({ values, weight }) => values !== null && weight > 0)
  const total = counted.reduce((sum, { weight }) => sum + weight, 0)
  if (!total) return []
  const means = LOW_IS_WORSE.map(({ key, name }) => ({
    name,
    mean:
      counted.reduce((sum, { values, weight }) => sum + Number(values![key]) * weight, 0) / total,
  }))
  const low = means.reduce((min, entry) => (entry.mean < min.mean ? entry : min))
  return [
    {
      code,
      tone: 'neutral',
      text: `${subject} lowest answer this month is “${low.name}” (on average ${figure(low.mean)} out of 10).`,
    },
  ]
}

/**
 * How much of the team checked in last week (the last week that is over).
 */
function participation(weeks: WeekTrend[]): Insight[] {
  const share = weeks.at(-2)?.participation
  if (share === null || share === undefined) return []
  if (share >= 1)
    return [
      { code: 'PARTICIPATION', tone: 'good', text: 'Everyone in the team checked in last week.' },
    ]
  const percent = `${Math.round(share * 100)}%`
  return share < 0.5
    ? [
        {
          code: 'PARTICIPATION',
          tone: 'concern',
          text: `Only ${percent} of the team checked in last week.`,
        },
      ]
    : [
        {
          code: 'PARTICIPATION',
          tone: 'neutral',
          text: `${percent} of the team checked in last week.`,
        },
      ]
}

function streakInsights(weeks: WeekTrend[], streak: Streak): Insight[] {
  const insights: Insight[] = []
  if (streak.current >= 2) {
    insights.push({
      code: 'STREAK',
      tone: 'good',
      text: `You have checked in ${count(streak.current)} weeks in a row.`,
    })
  }
  if (weeks.length && weeks.at(-1)!.mine === null) {
    insights.push({
      code: 'NOT_CHECKED_IN',
      tone: 'neutral',
      text: 'You have not checked in this week yet.',
    })
  }
  return insights
}

/**
 * The participation streak: weeks in a row with a check-in, ending with the
 * current week, or with the last one while the current week has none yet
 * (the week is not over); and the longest run ever. `weeks` are the
 * Mondays with a check-in, in any order.
 */
export function streakOf(weeks: string[], currentWeek: string): Streak {
  const days = [...new Set(weeks)].map(dayNumber).sort((left, right) => left - right)
  let longest = 0
  let run = 0
  days.forEach((day, index) => {
    run = index && day - days[index - 1] === 7 ? run + 1 : 1
    longest = Math.max(longest, run)
  })
  const held = new Set(days)
  let cursor = dayNumber(currentWeek)
  if (!held.has(cursor)) cursor -= 7
  let current = 0
  while (held.has(cursor)) {
    current++
    cursor -= 7
  }
  return { current, longest }
}

function dayNumber(isoDate: string) {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000
}

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]

function count(value: number) {
  return WORDS[value] ?? String(value)
}

/**
 * A figure as people read it: up to one decimal.
 */
function figure(value: number) {
  return String(Math.round(value * 10) / 10)
}
