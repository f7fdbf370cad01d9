import { DateTime } from 'luxon'
import { seriesChart, type SeriesChart } from '#charts/series_chart'
import type { WeekTrend } from '#actions/checkins/team_trends'

/**
 * A team's weekly check-in scores as two lines on one SVG (the team's
 * average and the member's own), drawn on the server like
 * app/charts/line_chart.ts and rendered by
 * resources/views/components/team/trends.edge. A week without check-ins
 * is a gap in the line, not a zero; every point is also drawn as a dot so
 * a lone week shows. The table fallback carries every figure.
 */
export type TeamTrendsChart = SeriesChart & {
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
}

export function teamTrendsChart(weeks: WeekTrend[]): TeamTrendsChart {
  const chart = seriesChart(
    weeks.map(day),
    [
      { name: 'Team average', modifier: 'team', values: weeks.map((week) => week.averages.score) },
      { name: 'You', modifier: 'mine', values: weeks.map((week) => week.mine?.score ?? null) },
    ],
    figure
  )
  return {
    ...chart,
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
  }
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

export function day(week: { weekStart: string }) {
  return DateTime.fromISO(week.weekStart, { zone: 'utc' }).toFormat('LLL d')
}

/**
 * A figure as people read it: up to two decimals, a dash for no value.
 */
export function figure(value: number | null) {
  return value === null ? '–' : String(Math.round(value * 100) / 100)
}
