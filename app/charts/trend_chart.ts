import { DateTime } from 'luxon'
import { CHART_FRAME } from '#charts/line_chart'
import type { WeekTrend } from '#actions/checkins/team_trends'

/**
 * A team's weekly check-in scores as two lines on one SVG (the team's
 * average and the member's own), drawn on the server like
 * app/charts/line_chart.ts and rendered by
 * resources/views/components/team/trends.edge. A week without check-ins
 * is a gap in the line, not a zero; every point is also drawn as a dot so
 * a lone week shows. The table fallback carries every figure.
 */
export type TrendSeries = { name: string; modifier: 'team' | 'mine'; line: string; dots: string }

export type TeamTrendsChart = {
  width: number
  height: number
  series: TrendSeries[]
  gridlines: { y: number; label: string; edge: 'top' | 'bottom' | 'middle' }[]
  xLabels: string[]
  rows: {
    week: string
    score: string
    productive: string
    satisfied: string
    body: string
    care: string
    checkIns: number
    participation: string
    mine: string
  }[]
  summary: string
  hasData: boolean
}

export function teamTrendsChart(weeks: WeekTrend[]): TeamTrendsChart {
  const team = weeks.map((week) => week.averages.score)
  const mine = weeks.map((week) => week.mine?.score ?? null)
  const values = [...team, ...mine].filter((value): value is number => value !== null)
  const lowest = values.length ? Math.min(...values) : 0
  const highest = values.length ? Math.max(...values) : 0
  // One value all along sits mid-chart, not on the chart's floor.
  const flat = highest === lowest
  const low = flat ? lowest - 1 : lowest
  const high = flat ? highest + 1 : highest
  const { width, height, top, bottom } = CHART_FRAME
  const x = (index: number) =>
    round(weeks.length === 1 ? width : (width * index) / (weeks.length - 1))
  const y = (value: number) =>
    round(top + (height - top - bottom) * (1 - (value - low) / (high - low)))

  return {
    width,
    height,
    series: [
      { name: 'Team average', modifier: 'team' as const, ...paths(team, x, y) },
      { name: 'You', modifier: 'mine' as const, ...paths(mine, x, y) },
    ],
    gridlines: !values.length
      ? []
      : flat
        ? [{ y: y(lowest), label: figure(lowest), edge: 'middle' as const }]
        : [
            { y: y(lowest), label: figure(lowest), edge: 'bottom' as const },
            { y: y(highest), label: figure(highest), edge: 'top' as const },
          ],
    xLabels: weeks.length ? [day(weeks[0]), ...(weeks.length > 1 ? [day(weeks.at(-1)!)] : [])] : [],
    rows: weeks.map((week) => ({
      week: day(week),
      score: figure(week.averages.score),
      productive: figure(week.averages.productive),
      satisfied: figure(week.averages.satisfied),
      body: figure(week.averages.body),
      care: figure(week.averages.care),
      checkIns: week.checkIns,
      participation: week.participation === null ? '–' : `${Math.round(week.participation * 100)}%`,
      mine: figure(week.mine?.score ?? null),
    })),
    summary: summarize(weeks),
    hasData: values.length > 0,
  }
}

/**
 * The line, broken where a week has no value, and a dot per value.
 */
function paths(
  values: (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number
) {
  const line: string[] = []
  const dots: string[] = []
  values.forEach((value, index) => {
    if (value === null) return
    const point = `${x(index)} ${y(value)}`
    line.push(`${index && values[index - 1] !== null ? 'L' : 'M'}${point}`)
    dots.push(`M${point} L${point}`)
  })
  return { line: line.join(' '), dots: dots.join(' ') }
}

function summarize(weeks: WeekTrend[]) {
  const scored = weeks.filter((week) => week.averages.score !== null)
  if (!scored.length) return 'No check-ins in these weeks yet.'
  const first = scored[0]
  const last = scored.at(-1)!
  return (
    `The team's average score went from ${figure(first.averages.score)} in the week of ` +
    `${day(first)} to ${figure(last.averages.score)} in the week of ${day(last)}.`
  )
}

function day(week: WeekTrend) {
  return DateTime.fromISO(week.weekStart, { zone: 'utc' }).toFormat('LLL d')
}

/**
 * A figure as people read it: up to two decimals, a dash for no value.
 */
function figure(value: number | null) {
  return value === null ? '–' : String(Math.round(value * 100) / 100)
}

function round(value: number) {
  return Math.round(value * 10) / 10
}
