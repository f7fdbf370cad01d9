import vine from '@vinejs/vine'
import { LEADERBOARD_METRICS, LEADERBOARD_PERIODS } from '#enums/leaderboard'
import { uuid } from '#validators/rules/uuid'

/**
 * Which board (E4), for the page and `GET /leaderboard` alike. Without a
 * period or metric a board is all time by points, the one that always has
 * something on it; `limit` is how many members from the top (the API's;
 * the page shows the first 50).
 */
export const LEADERBOARD_DEFAULTS = { period: 'all', metric: 'points', limit: 50 } as const

export const leaderboardValidator = vine.create({
  period: vine.enum(LEADERBOARD_PERIODS).optional(),
  metric: vine.enum(LEADERBOARD_METRICS).optional(),
  teamId: uuid().optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})
