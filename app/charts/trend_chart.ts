import { DateTime } from 'luxon'
import { seriesChart, type TabledChart } from '#charts/series_chart'
import type { WeekTrend } from '#actions/checkins/team_trends'

/**
 * A team's weekly check-in scores as two lines (the team's average and the
 * member's own), rendered by resources/views/components/team/trends.edge.
 * The table carries every average, the count and the participation.
 */
export function teamTrendsChart(weeks: WeekTrend[]): TabledChart {
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
    summary: summarize(weeks),
    columns: [
      'Score',
      'Productive',
      'Satisfied',
      'Body',
      'Care',
      'Check-ins',
      'Took part',
      'Your score',
    ],
    rows: weeks.map((week) => ({
      week: day(week),
      cells: [
        figure(week.averages.score),
        figure(week.averages.productive),
        figure(week.averages.satisfied),
        figure(week.averages.body),
        figure(week.averages.care),
        String(week.checkIns),
        week.participation === null ? '–' : `${Math.round(week.participation * 100)}%`,
        figure(week.mine?.score ?? null),
      ],
    })),
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
