import { BOUNTY_PRIORITIES, BOUNTY_SORTS, BOUNTY_STATUSES } from '#enums/bounty'
import {
  bearer,
  failure,
  operation,
  pagination,
  query,
  ref,
  success,
  uuidPath,
} from '#openapi/builders'
import type { Operation } from '#openapi/builders'

/**
 * Bounty moderation for leaders (I3): every bounty, and deleting one with
 * its escrow refunded.
 */
const tags = ['Admin']

export const adminBountiesTag = {
  name: 'Admin',
  description: 'The admin console (leaders only: role OYAKATASAMA)',
}

export const adminBountyPaths: Record<string, Record<string, Operation>> = {
  '/admin/bounties': {
    get: operation({
      tags,
      operationId: 'adminListBounties',
      summary: 'Every bounty, team-only ones included (leaders only)',
      description:
        'The board’s filters plus `creator` and `assignee` (usernames). Drafts stay private to their poster. Newest first unless `sort` says otherwise.',
      security: bearer('read'),
      parameters: [
        query('status', { type: 'string', enum: [...BOUNTY_STATUSES] }, 'Only this status'),
        query('q', { type: 'string', maxLength: 200 }, 'Full-text search'),
        query('priority', { type: 'string', enum: [...BOUNTY_PRIORITIES] }, 'Only this priority'),
        query('tag', { type: 'string', maxLength: 30 }, 'Only bounties with this tag'),
        query('category', { type: 'string', maxLength: 60 }, 'Only this category (slug)'),
        query('teamId', { type: 'string', format: 'uuid' }, 'Only this team’s bounties'),
        query('creator', { type: 'string', maxLength: 21 }, 'Posted by this username'),
        query('assignee', { type: 'string', maxLength: 21 }, 'Worked on by this username'),
        query('minAmount', ref('Money'), 'Reward at least this'),
        query('maxAmount', ref('Money'), 'Reward at most this'),
        query('deadlineBefore', { type: 'string', format: 'date-time' }, 'Deadline before'),
        query('deadlineAfter', { type: 'string', format: 'date-time' }, 'Deadline after'),
        query('sort', { type: 'string', enum: [...BOUNTY_SORTS], default: 'newest' }, 'Order'),
        ...pagination(20),
      ],
      responses: {
        ...success(
          'A page of bounties',
          { type: 'array', items: ref('Bounty') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
  '/admin/bounties/{id}': {
    delete: operation({
      tags,
      operationId: 'adminDeleteBounty',
      summary: 'Delete any bounty nobody works on and nobody was paid for (leaders only)',
      description:
        'What is left in escrow returns to the poster in the same transaction, and the deletion is written to the audit log (`bounty.deleted`). A bounty someone works on is refused (INVALID_TRANSITION): unassign it first.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The bounty id')],
      responses: {
        ...success('Deleted', { type: 'null' }),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
}
