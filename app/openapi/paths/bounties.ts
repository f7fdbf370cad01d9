import {
  BOUNTY_EVENT_TYPES,
  BOUNTY_PRIORITIES,
  BOUNTY_SORTS,
  BOUNTY_STATUSES,
  CLAIM_STATUSES,
  SUBMISSION_REVIEWS,
} from '#enums/bounty'
import {
  approveWorkValidator,
  assignBountyValidator,
  cancelBountyValidator,
  createBountyValidator,
  requestChangesValidator,
  submitWorkValidator,
  updateBountyValidator,
} from '#validators/bounty'
import { createCommentValidator } from '#validators/comment'
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
 * Bounties, their lifecycle, comments and timeline (B1–B7) and
 * the schemas of their transformers. Who may do what is docs/permissions.md.
 */
const tags = ['Bounties']

const member = object({ id: ref('Uuid'), username: { type: 'string' } })
const moment = nullable(ref('Timestamp'))

const bountyProperties: Record<string, Schema> = {
  id: ref('Uuid'),
  title: { type: 'string' },
  description: { type: 'string', description: 'Markdown, as the poster wrote it' },
  descriptionHtml: {
    type: 'string',
    description: 'The description rendered and sanitised: safe to insert into a page',
  },
  bountyAmount: { ...ref('Money'), description: 'The reward for one completion' },
  estimatedHours: nullable({ type: 'integer', minimum: 1 }),
  deadline: moment,
  status: { type: 'string', enum: [...BOUNTY_STATUSES] },
  priority: { type: 'string', enum: [...BOUNTY_PRIORITIES] },
  tags: {
    type: 'array',
    items: object({
      name: { type: 'string' },
      color: { type: 'string', pattern: '^#[0-9A-Fa-f]{6}$' },
    }),
  },
  creator: member,
  assignee: {
    ...nullable(member),
    description: 'Who works on (or completed) a single-slot bounty; null for multi-slot ones',
  },
  maxCompletions: { type: 'integer', minimum: 1, maximum: 100 },
  slotsRemaining: {
    type: 'integer',
    minimum: 0,
    description: 'Slots still free to claim (0 for drafts and closed bounties)',
  },
  claims: {
    type: 'array',
    items: ref('BountyClaim'),
    description: 'Claims holding or having used a slot, oldest first',
  },
  claimWindowDays: {
    type: 'integer',
    minimum: 1,
    maximum: 90,
    description: 'Days without activity after which a claim is nudged, then expires',
  },
  category: nullable(
    object({ id: ref('Uuid'), name: { type: 'string' }, slug: { type: 'string' } })
  ),
  teamId: nullable(ref('Uuid')),
  isDraft: { type: 'boolean', description: 'Drafts are visible to their author only' },
  publishedAt: moment,
  completedAt: moment,
  cancelledAt: moment,
  createdAt: ref('Timestamp'),
  updatedAt: ref('Timestamp'),
}

export const bountySchemas: Record<string, Schema> = {
  BountyClaim: object(
    {
      id: ref('Uuid'),
      user: member,
      status: { type: 'string', enum: [...CLAIM_STATUSES] },
      createdAt: ref('Timestamp'),
      submittedAt: moment,
      completedAt: moment,
    },
    'One member’s slot: working (`IN_PROGRESS`), awaiting review (`REVIEW`) or paid (`COMPLETED`).'
  ),
  Bounty: object(
    bountyProperties,
    'A bounty as the API contract describes it, with a few additions (`descriptionHtml`, `slotsRemaining`, `claims`, `claimWindowDays`, `category`, `isDraft` and the lifecycle times).'
  ),
  BountyDetail: object(
    { ...bountyProperties, attachments: { type: 'array', items: ref('Attachment') } },
    'A bounty with its own files (not those of its comments or submissions).'
  ),
  Comment: object({
    id: ref('Uuid'),
    bountyId: ref('Uuid'),
    content: { type: 'string', description: 'Markdown, as written' },
    contentHtml: { type: 'string', description: 'Rendered and sanitised' },
    author: member,
    attachments: { type: 'array', items: ref('Attachment') },
    createdAt: ref('Timestamp'),
    updatedAt: ref('Timestamp'),
  }),
  BountyEvent: object(
    {
      id: { type: 'string', description: 'Increasing: the timeline order' },
      type: { type: 'string', enum: [...BOUNTY_EVENT_TYPES] },
      actor: { ...nullable(member), description: 'Null when the scheduler acted' },
      data: { type: 'object', description: 'What the event carried (amounts, reasons, who)' },
      createdAt: ref('Timestamp'),
    },
    'A line of a bounty’s timeline.'
  ),
  BountySubmission: object({
    id: ref('Uuid'),
    claimId: ref('Uuid'),
    user: member,
    note: { type: 'string' },
    noteHtml: { type: 'string' },
    review: { type: 'string', enum: [...SUBMISSION_REVIEWS] },
    reviewReason: nullable({ type: 'string' }),
    reviewedBy: nullable(member),
    reviewedAt: moment,
    attachments: { type: 'array', items: ref('Attachment') },
    createdAt: ref('Timestamp'),
  }),
}

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Retry safely: the same key from the same caller within 24 hours replays the first response (header `Idempotent-Replayed: true`) and moves no money again.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
}

const bountyId = uuidPath('id', 'The bounty id')
/**
 * A lifecycle move: answers the bounty as it now is, or 409 with the code
 * that explains why the move is not possible now.
 */
function transition(spec: {
  operationId: string
  summary: string
  description: string
  body?: Schema
  example?: unknown
  conflicts?: string[]
  idempotent?: boolean
}): Operation {
  const conflicts = spec.conflicts ?? ['INVALID_TRANSITION']
  return operation({
    tags,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    security: bearer('write'),
    parameters: spec.idempotent ? [bountyId, idempotencyKey] : [bountyId],
    ...(spec.body ? { requestBody: jsonBody(spec.body, spec.example) } : {}),
    responses: {
      ...success('The bounty after the move', ref('Bounty')),
      ...failure(404),
      ...failure(
        409,
        spec.idempotent ? [...conflicts, 'IDEMPOTENCY_REQUEST_IN_PROGRESS'] : conflicts
      ),
      ...failure(
        422,
        spec.idempotent ? ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED'] : ['VALIDATION_FAILED']
      ),
    },
  })
}

export const bountyPaths: Record<string, Record<string, Operation>> = {
  '/bounties': {
    get: operation({
      tags,
      operationId: 'listBounties',
      summary: 'The board: published bounties the caller may see',
      description:
        'Filters combine (AND). `q` is full-text search over title and description (PostgreSQL `websearch_to_tsquery`: words, "quoted phrases", -exclusions, or). `draft=true` lists the caller’s own drafts instead.',
      security: bearer('read'),
      parameters: [
        query('status', { type: 'string', enum: [...BOUNTY_STATUSES] }, 'Only this status'),
        query('priority', { type: 'string', enum: [...BOUNTY_PRIORITIES] }, 'Only this priority'),
        query('tag', { type: 'string', maxLength: 30 }, 'Only bounties with this tag (any case)'),
        query('category', { type: 'string', maxLength: 60 }, 'Only this category (slug)'),
        query(
          'teamId',
          { type: 'string', format: 'uuid' },
          'Only this team’s bounties (the team board): an empty list for a team the caller is not in'
        ),
        query('q', { type: 'string', maxLength: 200 }, 'Full-text search'),
        query('minAmount', ref('Money'), 'Reward at least this'),
        query('maxAmount', ref('Money'), 'Reward at most this'),
        query('deadlineBefore', { type: 'string', format: 'date-time' }, 'Deadline before'),
        query('deadlineAfter', { type: 'string', format: 'date-time' }, 'Deadline after'),
        query('draft', { type: 'boolean' }, 'The caller’s drafts instead of the board'),
        query(
          'sort',
          { type: 'string', enum: [...BOUNTY_SORTS], default: 'newest' },
          'newest first, highest reward first, or nearest deadline first'
        ),
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
    post: operation({
      tags,
      operationId: 'createBounty',
      summary: 'Post a bounty: its reward × slots is escrowed from the caller’s wallet',
      description:
        'With `draft: true` the bounty is saved privately and nothing is escrowed (publish it later with PUT `draft: false`). Otherwise the reward times `maxCompletions` moves from the caller’s wallet into the bounty’s escrow in the same transaction; without the funds nothing is created (INSUFFICIENT_FUNDS). Needs a verified email. With `teamId` the bounty is team-only: only that team’s members (and Corps admins) see it anywhere; the caller must be a member of the team (403 FORBIDDEN otherwise).',
      security: bearer('write'),
      parameters: [idempotencyKey],
      requestBody: jsonBody(fromValidator(createBountyValidator), {
        title: 'Fix the login page on mobile',
        description: 'The **submit** button is hidden below the fold on small screens.',
        bountyAmount: '150.00',
        estimatedHours: 4,
        deadline: '2030-05-01T17:00:00Z',
        priority: 'HIGH',
        tags: ['frontend', 'css'],
        maxCompletions: 1,
      }),
      responses: {
        ...success('The bounty', ref('Bounty'), { status: 201 }),
        ...failure(409, ['INSUFFICIENT_FUNDS', 'IDEMPOTENCY_REQUEST_IN_PROGRESS']),
        ...failure(422, ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED']),
      },
    }),
  },
  '/bounties/{id}': {
    get: operation({
      tags,
      operationId: 'getBounty',
      summary: 'A bounty, with its own files',
      security: bearer('read'),
      parameters: [bountyId],
      responses: {
        ...success('The bounty', ref('BountyDetail')),
        ...failure(404),
      },
    }),
    put: operation({
      tags,
      operationId: 'updateBounty',
      summary: 'Edit a bounty (or publish a draft with `draft: false`)',
      description:
        'Only the fields sent change; `null` clears an optional one. Possible while nobody works on the bounty and it is not closed. A new `bountyAmount` or `maxCompletions` on a published bounty swaps its escrow (poster only, before any payout; INSUFFICIENT_FUNDS when the wallet cannot cover the difference). Publishing escrows the reward × slots. Moving it into a team (`teamId`) needs the caller to be a member of that team (403 FORBIDDEN otherwise).',
      security: bearer('write'),
      parameters: [bountyId],
      requestBody: jsonBody(fromValidator(updateBountyValidator), { title: 'Fix the login page' }),
      responses: {
        ...success('The bounty after the edit', ref('Bounty')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION', 'INSUFFICIENT_FUNDS']),
        ...failure(422),
      },
    }),
    delete: operation({
      tags,
      operationId: 'deleteBounty',
      summary: 'Delete a draft, or a bounty nobody works on and nobody was paid for',
      description:
        'A published bounty’s escrow returns to the poster and the bounty disappears from every list; its ledger history stays.',
      security: bearer('write'),
      parameters: [bountyId],
      responses: {
        ...success('Deleted', { type: 'null' }),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/bounties/{id}/assign': {
    post: transition({
      operationId: 'assignBounty',
      summary: 'Claim a bounty, or assign it to `userId`',
      description:
        'Without `userId` (or with the caller’s own) the caller claims a slot: any verified member but the poster. With another `userId` the poster, a Pillar or a Leader hands a slot to that member. Of simultaneous claims on the last slot exactly one wins; the others get ALREADY_CLAIMED.',
      body: fromValidator(assignBountyValidator),
      example: {},
      conflicts: ['INVALID_TRANSITION', 'ALREADY_CLAIMED'],
    }),
  },
  '/bounties/{id}/unassign': {
    post: transition({
      operationId: 'unassignBounty',
      summary: 'Abandon the bounty (the assignee)',
      description:
        'The caller gives their slot back while working on it (not while their work awaits review); the bounty is available again.',
    }),
  },
  '/bounties/{id}/submit': {
    post: transition({
      operationId: 'submitWork',
      summary: 'Submit work for review (the assignee)',
      description:
        'A markdown note and up to 10 files uploaded beforehand with POST /files/upload (without bountyId or commentId). The claim moves to REVIEW.',
      body: fromValidator(submitWorkValidator),
      example: { note: 'Done: see the attached screenshots.', attachmentIds: [] },
    }),
  },
  '/bounties/{id}/approve': {
    post: transition({
      operationId: 'approveWork',
      summary: 'Approve submitted work: escrow pays the assignee at once',
      description:
        'The poster, a Pillar or a Leader (never on their own work). On a multi-slot bounty with several members in review, `userId` says whose work. Approving twice pays once: the second answers INVALID_TRANSITION (or, with the same Idempotency-Key, replays the first response).',
      body: fromValidator(approveWorkValidator),
      example: {},
      idempotent: true,
    }),
  },
  '/bounties/{id}/request-changes': {
    post: transition({
      operationId: 'requestChanges',
      summary: 'Send submitted work back with a reason',
      description:
        'The poster, a Pillar or a Leader. The claim returns to IN_PROGRESS; `userId` chooses among several members in review.',
      body: fromValidator(requestChangesValidator),
      example: { reason: 'The mobile layout still overflows.' },
    }),
  },
  '/bounties/{id}/cancel': {
    post: transition({
      operationId: 'cancelBounty',
      summary: 'Cancel a bounty nobody works on; unused escrow is refunded',
      description:
        'The poster or a Leader. Every slot not paid out returns to the poster’s wallet.',
      body: fromValidator(cancelBountyValidator),
      example: { reason: 'No longer needed' },
    }),
  },
  '/bounties/{id}/comments': {
    get: operation({
      tags,
      operationId: 'listBountyComments',
      summary: 'Comments, oldest first',
      security: bearer('read'),
      parameters: [bountyId, ...pagination(50)],
      responses: {
        ...success(
          'A page of comments',
          { type: 'array', items: ref('Comment') },
          { paginated: true }
        ),
        ...failure(404),
        ...failure(422),
      },
    }),
    post: operation({
      tags,
      operationId: 'createBountyComment',
      summary: 'Comment in markdown; `@username` mentions are recorded',
      description:
        'Raw HTML is shown as text and links are made safe (`contentHtml`). Needs a verified email.',
      security: bearer('write'),
      parameters: [bountyId],
      requestBody: jsonBody(fromValidator(createCommentValidator), {
        content: 'Looks good, @tanjiro — ship it!',
      }),
      responses: {
        ...success('The comment', ref('Comment'), { status: 201 }),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/bounties/{id}/events': {
    get: operation({
      tags,
      operationId: 'listBountyEvents',
      summary: 'The bounty’s timeline, oldest first',
      security: bearer('read'),
      parameters: [bountyId, ...pagination(50)],
      responses: {
        ...success(
          'A page of events',
          { type: 'array', items: ref('BountyEvent') },
          { paginated: true }
        ),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/bounties/{id}/submissions': {
    get: operation({
      tags,
      operationId: 'listBountySubmissions',
      summary: 'Submitted work, newest first',
      description:
        'The poster, Pillars and Leaders see every submission; a claimant sees their own; others none.',
      security: bearer('read'),
      parameters: [bountyId],
      responses: {
        ...success('Submissions', { type: 'array', items: ref('BountySubmission') }),
        ...failure(404),
      },
    }),
  },
}
