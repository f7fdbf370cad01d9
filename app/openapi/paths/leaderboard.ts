import { LEADERBOARD_METRICS, LEADERBOARD_PERIODS } from '#enums/leaderboard'
import { LEADERBOARD_DEFAULTS } from '#validators/leaderboard'
import {
  bearer,
  failure,
  object,
  operation,
  query,
  ref,
  success,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Leaderboards (E4, K9) and the schema of their entries.
 */
export const leaderboardTag = {
  name: 'Leaderboard',
  description: [
    'Members ranked by what their paid completions brought them, week, month or all time.',
    'Ties share a rank (standard competition ranking: 1, 2, 2, 4); tied members come by username.',
    'Members who opted out, and deactivated members, are never listed.',
    'After a payout the Transmit channel `leaderboard` (everyone signed in) carries',
    '`{ type: "leaderboard.updated" }`: read the board again.',
  ].join('\n'),
}

export const leaderboardSchemas: Record<string, Schema> = {
  LeaderboardEntry: object({
    rank: { type: 'integer', minimum: 1 },
    user: object({ id: ref('Uuid'), username: { type: 'string' } }),
    value: {
      oneOf: [{ type: 'integer', minimum: 1 }, ref('Money')],
      description: 'Completions or points as an integer; earnings as a decimal string',
    },
  }),
}

export const leaderboardPaths: Record<string, Record<string, Operation>> = {
  '/leaderboard': {
    get: operation({
      tags: ['Leaderboard'],
      operationId: 'getLeaderboard',
      summary: 'The top of a leaderboard, highest first',
      description:
        'Weeks are UTC weeks from Monday, months UTC months. With `teamId`, the team’s current members only: a team’s board is for its members and Leaders, and for anyone else the team does not exist (404).',
      security: bearer('read'),
      parameters: [
        query(
          'period',
          { enum: [...LEADERBOARD_PERIODS], default: LEADERBOARD_DEFAULTS.period },
          'This week, this month or all time'
        ),
        query(
          'metric',
          { enum: [...LEADERBOARD_METRICS], default: LEADERBOARD_DEFAULTS.metric },
          'What members are ranked by'
        ),
        query('teamId', ref('Uuid'), 'Only this team’s members'),
        query(
          'limit',
          { type: 'integer', minimum: 1, maximum: 100, default: LEADERBOARD_DEFAULTS.limit },
          'How many members from the top'
        ),
      ],
      responses: {
        ...success('The board', { type: 'array', items: ref('LeaderboardEntry') }),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
}
