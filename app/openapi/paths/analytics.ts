import { TRENDS_DEFAULT_WEEKS, TRENDS_MAX_WEEKS } from '#validators/check_in'
import {
  BOUNTY_TRENDS_DEFAULT_WEEKS,
  BOUNTY_TRENDS_MAX_WEEKS,
} from '#actions/analytics/bounty_trends'
import { INSIGHT_CODES } from '#actions/analytics/insights'
import {
  bearer,
  failure,
  nullable,
  object,
  operation,
  query,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Analytics (H2, issue 19): the caller's check-in figures beside their
 * team's, insights drawn from them, and the board's weekly trends, with the
 * schemas of their transformers.
 */
const tags = ['Analytics']

export const analyticsTag = {
  name: 'Analytics',
  description: [
    'Figures for charts, oldest week first, every week of the window listed. Check-in weeks',
    'start on Monday at midnight on the team’s clock; bounty-trend weeks on the caller’s',
    '(the `timezone` of their settings). Only the caller’s own answers are ever returned as',
    'someone’s; a team’s figures are averages, private check-ins included.',
  ].join('\n'),
}

const average = nullable({ type: 'number' })
const scoreValue = { type: 'integer', minimum: 1, maximum: 10 }
const weekStart = { type: 'string', format: 'date', description: 'The Monday of the week' }
const participation = {
  ...nullable({ type: 'number', minimum: 0 }),
  description: 'Members who checked in ÷ the team’s members now, two decimals',
}

export const analyticsSchemas: Record<string, Schema> = {
  ScoreAverages: object(
    { productive: average, satisfied: average, body: average, care: average, score: average },
    'Averages to two decimals; null for a week without check-ins.'
  ),
  CheckInStreak: object(
    {
      current: { type: 'integer', minimum: 0 },
      longest: { type: 'integer', minimum: 0 },
    },
    'Weeks in a row with a check-in: the run that ends this week (or last week, while this one has none yet), and the longest ever.'
  ),
  PersonalAnalytics: object({
    weeks: {
      type: 'array',
      items: object({
        weekStart,
        checkIns: { type: 'integer', minimum: 0 },
        scores: ref('ScoreAverages'),
      }),
      description: 'Oldest week first; a week with check-ins in several teams averages them',
    },
    streak: ref('CheckInStreak'),
  }),
  TeamAnalytics: object({
    teamId: ref('Uuid'),
    timezone: { type: 'string', description: 'The team’s clock' },
    weeks: {
      type: 'array',
      items: object({
        weekStart,
        averages: ref('ScoreAverages'),
        checkIns: { type: 'integer', minimum: 0 },
        participation,
      }),
      description: 'Oldest week first',
    },
  }),
  CheckInComparison: object({
    teamId: ref('Uuid'),
    timezone: { type: 'string', description: 'The team’s clock' },
    weeks: {
      type: 'array',
      items: object({
        weekStart,
        mine: {
          ...nullable(
            object({
              productive: scoreValue,
              satisfied: scoreValue,
              body: scoreValue,
              care: scoreValue,
              score: { type: 'integer' },
            })
          ),
          description: 'The caller’s own check-in that week',
        },
        team: ref('ScoreAverages'),
        checkIns: { type: 'integer', minimum: 0 },
        participation,
      }),
      description: 'Oldest week first',
    },
    streak: ref('CheckInStreak'),
  }),
  Insight: object(
    {
      code: { enum: [...INSIGHT_CODES], description: 'The rule that found it' },
      tone: { enum: ['good', 'concern', 'neutral'] },
      text: { type: 'string' },
    },
    'One plain-language observation computed from the figures.'
  ),
  BountyTrendWeek: object({
    weekStart,
    created: { type: 'integer', minimum: 0, description: 'Bounties published that week' },
    completed: {
      type: 'integer',
      minimum: 0,
      description: 'Completions paid that week (one per slot of a bounty)',
    },
    paidOut: ref('Money'),
  }),
}

const checkInWeeks = query(
  'weeks',
  { type: 'integer', minimum: 1, maximum: TRENDS_MAX_WEEKS, default: TRENDS_DEFAULT_WEEKS },
  'How many weeks, this one included'
)

const teamQuery = {
  ...query('teamId', { type: 'string', format: 'uuid' }, 'The team'),
  required: true,
}

export const analyticsPaths: Record<string, Record<string, Operation>> = {
  '/analytics/personal': {
    get: operation({
      tags,
      operationId: 'getPersonalAnalytics',
      summary: 'The caller’s weekly check-in scores and participation streak',
      security: bearer('read'),
      parameters: [checkInWeeks],
      responses: {
        ...success('The caller’s weeks', ref('PersonalAnalytics')),
        ...failure(422),
      },
    }),
  },
  '/analytics/team/{id}': {
    get: operation({
      tags,
      operationId: 'getTeamAnalytics',
      summary: 'A team’s weekly averages and participation',
      description: 'Members only (anyone else, and an unknown team, 404).',
      security: bearer('read'),
      parameters: [uuidPath('id', 'The team id'), checkInWeeks],
      responses: {
        ...success('The team’s weeks', ref('TeamAnalytics')),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/analytics/comparison': {
    get: operation({
      tags,
      operationId: 'getCheckInComparison',
      summary: 'The caller beside their team, week by week',
      description: 'Members of the team only (anyone else, and an unknown team, 404).',
      security: bearer('read'),
      parameters: [teamQuery, checkInWeeks],
      responses: {
        ...success('The comparison', ref('CheckInComparison')),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/analytics/insights': {
    get: operation({
      tags,
      operationId: 'listCheckInInsights',
      summary: 'Plain-language observations on the caller’s and the team’s check-ins',
      description:
        'Computed from the last 12 weeks of the comparison by fixed rules (trends of three weeks or more, the lowest score this month, last week’s participation, the streak). Members of the team only (404).',
      security: bearer('read'),
      parameters: [teamQuery],
      responses: {
        ...success('The insights, possibly none', { type: 'array', items: ref('Insight') }),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/analytics/bounty-trends': {
    get: operation({
      tags,
      operationId: 'getBountyTrends',
      summary: 'Bounties published, completed and paid out per week',
      description:
        'Counts only bounties the caller may see (team-only bounties for their teams’ members). Weeks start on Monday at midnight in the caller’s timezone.',
      security: bearer('read'),
      parameters: [
        query(
          'weeks',
          {
            type: 'integer',
            minimum: 1,
            maximum: BOUNTY_TRENDS_MAX_WEEKS,
            default: BOUNTY_TRENDS_DEFAULT_WEEKS,
          },
          'How many weeks, this one included'
        ),
      ],
      responses: {
        ...success('One item per week, oldest first', {
          type: 'array',
          items: ref('BountyTrendWeek'),
        }),
        ...failure(422),
      },
    }),
  },
}
