import {
  TRENDS_DEFAULT_WEEKS,
  TRENDS_MAX_WEEKS,
  createCheckInValidator,
  updateCheckInValidator,
} from '#validators/check_in'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  nullable,
  object,
  operation,
  pagination,
  query,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Weekly check-ins and team trends (F3, H2) and the schemas of their
 * transformers.
 */
const tags = ['Check-ins']

export const checkInsTag = {
  name: 'Check-ins',
  description: [
    'Weekly check-ins: four scores 1–10 (productive, satisfied, body, care) and',
    '`score = productive + satisfied + body − care`, computed by the server. One per',
    'member, team and week; a week starts on Monday at midnight in the team’s timezone,',
    'and `weekStart` is that Monday’s date. A check-in can be changed or deleted by its',
    'author only while its week lasts. Private check-ins count in the team’s averages but',
    'are shown to nobody else. Live: the `teams/<id>` channel (members) carries',
    '`{ type: "checkin.created", checkIn: { id, user: { id, username }, score } }`, with',
    '`score` null for a private check-in.',
  ].join('\n'),
}

const scoreValue = { type: 'integer', minimum: 1, maximum: 10 }
const average = nullable({ type: 'number' })

const checkInProperties: Record<string, Schema> = {
  id: ref('Uuid'),
  teamId: ref('Uuid'),
  weekStart: { type: 'string', format: 'date', description: 'The Monday of its week' },
  productive: scoreValue,
  satisfied: scoreValue,
  body: scoreValue,
  care: scoreValue,
  score: { type: 'integer', description: 'productive + satisfied + body − care' },
  note: nullable({ type: 'string' }),
  isPrivate: { type: 'boolean' },
  createdAt: ref('Timestamp'),
}

export const checkInSchemas: Record<string, Schema> = {
  CheckIn: object(checkInProperties, 'One member’s check-in with a team for one week.'),
  TeamCheckIn: object(
    { ...checkInProperties, user: object({ id: ref('Uuid'), username: { type: 'string' } }) },
    'A check-in in a team’s list, with its author.'
  ),
  CheckInWeek: object(
    {
      weekStart: { type: 'string', format: 'date' },
      averages: object(
        {
          productive: average,
          satisfied: average,
          body: average,
          care: average,
          score: average,
        },
        'Averages of the week’s check-ins (private ones included), two decimals; null without check-ins.'
      ),
      checkIns: { type: 'integer', minimum: 0 },
      participation: {
        ...nullable({ type: 'number', minimum: 0 }),
        description: 'Members who checked in ÷ the team’s members now, two decimals',
      },
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
    },
    'One week of a team’s trends.'
  ),
  TeamCheckIns: object({
    teamId: ref('Uuid'),
    weeks: { type: 'array', items: ref('CheckInWeek'), description: 'Oldest week first' },
    checkIns: {
      type: 'array',
      items: ref('TeamCheckIn'),
      description:
        'The window’s check-ins, newest week first; other members’ private ones left out',
    },
  }),
}

const checkIn = ref('CheckIn')
const example = { productive: 8, satisfied: 7, body: 6, care: 9, note: 'Shipped the release' }

export const checkInPaths: Record<string, Record<string, Operation>> = {
  '/checkins': {
    get: operation({
      tags,
      operationId: 'listCheckIns',
      summary: 'The caller’s check-ins in every team, newest week first',
      security: bearer('read'),
      parameters: [...pagination(20)],
      responses: {
        ...success('A page of check-ins', { type: 'array', items: checkIn }, { paginated: true }),
        ...failure(422),
      },
    }),
    post: operation({
      tags,
      operationId: 'createCheckIn',
      summary: 'Check in with a team for this week',
      description:
        'Members of the team only (anyone else, and an unknown team, 403). A second check-in for the same team and week is 409 `DUPLICATE_CHECKIN`.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(createCheckInValidator), {
        teamId: '0b6a3c58-3d6e-4b8e-9a55-2f1c5f1e9d10',
        ...example,
      }),
      responses: {
        ...success('The check-in', checkIn, { status: 201 }),
        ...failure(409, ['DUPLICATE_CHECKIN']),
        ...failure(422),
      },
    }),
  },
  '/checkins/current': {
    get: operation({
      tags,
      operationId: 'getCurrentCheckIn',
      summary: 'The caller’s check-in for a team’s current week',
      description: '`data` is null until the caller checks in this week. Members only (404).',
      security: bearer('read'),
      parameters: [
        {
          ...query('teamId', { type: 'string', format: 'uuid' }, 'The team'),
          required: true,
        },
      ],
      responses: {
        ...success('This week’s check-in, or null', nullable(checkIn)),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/checkins/{id}': {
    put: operation({
      tags,
      operationId: 'updateCheckIn',
      summary: 'Change a check-in while its week lasts',
      description:
        'Its author only (403; 404 to whoever may not see it). Only the fields sent change. After its week: 409 `INVALID_TRANSITION`.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The check-in id')],
      requestBody: jsonBody(fromValidator(updateCheckInValidator), { care: 4 }),
      responses: {
        ...success('The check-in', checkIn),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
        ...failure(422),
      },
    }),
    delete: operation({
      tags,
      operationId: 'deleteCheckIn',
      summary: 'Delete a check-in while its week lasts',
      description:
        'Its author only (403; 404 to whoever may not see it). After its week: 409 `INVALID_TRANSITION`.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The check-in id')],
      responses: {
        ...success('Deleted', { type: 'null' }),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/checkins/team/{id}': {
    get: operation({
      tags,
      operationId: 'getTeamCheckIns',
      summary: 'A team’s check-ins and weekly averages',
      description:
        'Members only (anyone else, and an unknown team, 404). Every week of the window is listed, oldest first, including weeks without check-ins.',
      security: bearer('read'),
      parameters: [
        uuidPath('id', 'The team id'),
        query(
          'weeks',
          { type: 'integer', minimum: 1, maximum: TRENDS_MAX_WEEKS, default: TRENDS_DEFAULT_WEEKS },
          'How many weeks, this one included (default 12)'
        ),
      ],
      responses: {
        ...success('Trends and check-ins', ref('TeamCheckIns')),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
}
