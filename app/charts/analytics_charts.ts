import { seriesChart, type TabledChart } from '#charts/series_chart'
import { day, figure } from '#charts/trend_chart'
import type { BountyTrendWeek } from '#actions/analytics/bounty_trends'
import type { WeekTrend } from '#actions/checkins/team_trends'
import { CHECKIN_SCORES } from '#enums/team'
import { CHECKIN_QUESTIONS } from '#enums/check_in'

/**
 * Bounties published and completed per week; the table adds what was paid.
 */
export function bountyTrendsChart(weeks: BountyTrendWeek[]): TabledChart {
  const total = (pick: (week: BountyTrendWeek) => number) =>
    weeks.reduce((sum, week) => sum + pick(week), 0)
  return {
    ...seriesChart(
      weeks.map(day),
      [
        { name: 'Published', modifier: 'created', values: weeks.map((week) => week.created) },
        { name: 'Completed', modifier: 'completed', values: weeks.map((week) => week.completed) },
      ],
      String
    ),
    summary:
      `${total((week) => week.created)} bounties published and ` +
      `${total((week) => week.completed)} completions paid over ${weeks.length} weeks.`,
    columns: ['Published', 'Completed', 'Paid out'],
    rows: weeks.map((week) => ({
      week: day(week),
      cells: [String(week.created), String(week.completed), week.paidOut.format()],
    })),
  }
}

/**
 * The member's own four answers week by week, from their comparison with a
 * team (only their own check-ins: nobody else's answers are on the page).
 */
export function myAnswersChart(weeks: WeekTrend[]): TabledChart {
  const checkedIn = weeks.filter((week) => week.mine)
  return {
    ...seriesChart(
      weeks.map(day),
      CHECKIN_SCORES.map((name) => ({
        name: CHECKIN_QUESTIONS[name].label,
        modifier: name,
        values: weeks.map((week) => week.mine?.[name] ?? null),
      })),
      figure
    ),
    summary: checkedIn.length
      ? `You checked in ${checkedIn.length} of these ${weeks.length} weeks; the table lists each answer.`
      : 'You have not checked in with this team in these weeks.',
    columns: [...CHECKIN_SCORES.map((name) => CHECKIN_QUESTIONS[name].label), 'Score'],
    rows: weeks.map((week) => ({
      week: day(week),
      cells: [
        ...CHECKIN_SCORES.map((name) => figure(week.mine?.[name] ?? null)),
        figure(week.mine?.score ?? null),
      ],
    })),
  }
}
