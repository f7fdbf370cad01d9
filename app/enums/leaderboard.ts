/**
 * Leaderboards (E4): over which time and by which measure members are
 * ranked, as the API spells them, with the labels shown to people.
 */
export const LEADERBOARD_PERIODS = ['week', 'month', 'all'] as const
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number]

export const LEADERBOARD_PERIOD_LABELS: Record<LeaderboardPeriod, string> = {
  week: 'This week',
  month: 'This month',
  all: 'All time',
}

export const LEADERBOARD_METRICS = ['points', 'earnings', 'completions'] as const
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number]

export const LEADERBOARD_METRIC_LABELS: Record<LeaderboardMetric, string> = {
  points: 'Points',
  earnings: 'Earnings',
  completions: 'Completions',
}
