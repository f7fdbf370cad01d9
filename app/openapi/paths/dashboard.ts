import { BOUNTY_EVENT_TYPES } from '#enums/bounty'
import {
  bearer,
  failure,
  nullable,
  object,
  operation,
  pagination,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * The caller's dashboard (H1) with points, level and streak (E1, E3), and a
 * member's badges (E2).
 */
export const dashboardTag = {
  name: 'Dashboard',
  description: 'The caller’s figures, points, level, streak and recent activity; badges',
}
const tags = [dashboardTag.name]

const member = object({ id: ref('Uuid'), username: { type: 'string' } })
const count = { type: 'integer', minimum: 0 }

export const dashboardSchemas: Record<string, Schema> = {
  DashboardStats: object({
    balance: ref('Money'),
    held: ref('Money'),
    earned: ref('Money'),
    spent: ref('Money'),
    activeBounties: { ...count, description: 'Claims in progress or in review' },
    completedBounties: { ...count, description: 'Claims approved and paid' },
    completionRate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Completed ÷ claimed bounties (0 when none)',
    },
    points: { ...count, description: 'All-time points (see the "how points work" page)' },
    level: { type: 'integer', minimum: 1 },
    streakWeeks: {
      ...count,
      description:
        'Active UTC weeks in a row up to this one (completing, posting or checking in); weeks away neither count nor break it',
    },
  }),
  Activity: object(
    {
      id: { type: 'string', description: 'Increasing: the timeline order' },
      type: { type: 'string', enum: [...BOUNTY_EVENT_TYPES] },
      actor: { ...nullable(member), description: 'Null when the scheduler acted' },
      data: { type: 'object', description: 'What the event carried (amounts, reasons, who)' },
      createdAt: ref('Timestamp'),
      bounty: object({ id: ref('Uuid'), title: { type: 'string' } }),
    },
    'An event on a bounty the caller posted or took a slot on.'
  ),
  EarnedBadge: object(
    {
      code: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string', description: 'What earns it' },
      awardedAt: ref('Timestamp'),
    },
    'A badge a member holds (each at most once).'
  ),
}

export const dashboardPaths: Record<string, Record<string, Operation>> = {
  '/dashboard/stats': {
    get: operation({
      tags,
      operationId: 'getDashboardStats',
      summary: 'The caller’s figures, points, level and streak',
      security: bearer('read'),
      responses: success('The dashboard figures', ref('DashboardStats')),
    }),
  },
  '/dashboard/recent-activity': {
    get: operation({
      tags,
      operationId: 'listRecentActivity',
      summary: 'Events on bounties the caller posted or works on, newest first',
      security: bearer('read'),
      parameters: pagination(20),
      responses: {
        ...success(
          'A page of events',
          { type: 'array', items: ref('Activity') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
  '/users/{id}/badges': {
    get: operation({
      tags,
      operationId: 'listMemberBadges',
      summary: 'A member’s badges, newest first',
      description:
        'Badges belong to the profile: refused with 403 when the member’s profile visibility hides it from the caller.',
      security: bearer('read'),
      parameters: [uuidPath('id', 'The member id')],
      responses: {
        ...success('The badges', { type: 'array', items: ref('EarnedBadge') }),
        ...failure(403),
        ...failure(404),
      },
    }),
  },
}
