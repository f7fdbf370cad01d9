import { USER_ROLES } from '#enums/user_role'
import { MEMBER_SORTS, activationValidator, changeRoleValidator } from '#validators/admin'
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
 * The admin console's members and audit log (I2, I6): Leaders only.
 */
const tags = ['Admin']

export const adminMembersTag = {
  name: 'Admin',
  description: 'Members, roles, activation and the audit log (leaders only)',
}

export const adminMemberSchemas: Record<string, Schema> = {
  AdminUser: object({
    id: ref('Uuid'),
    username: { type: 'string' },
    email: { type: 'string', format: 'email' },
    firstName: nullable({ type: 'string' }),
    lastName: nullable({ type: 'string' }),
    role: { type: 'string', enum: [...USER_ROLES] },
    active: { type: 'boolean', description: 'A deactivated member cannot sign in' },
    emailVerified: { type: 'boolean' },
    lastLoginAt: nullable(ref('Timestamp')),
    createdAt: ref('Timestamp'),
  }),
  AuditLogEntry: object({
    id: ref('Uuid'),
    actor: nullable(object({ id: ref('Uuid'), username: { type: 'string' } })),
    action: { type: 'string', example: 'user.role_changed' },
    subjectType: nullable({ type: 'string', example: 'user' }),
    subjectId: nullable({ type: 'string' }),
    data: {
      type: 'object',
      description: 'What the action recorded, often `{ before, after }`',
      additionalProperties: true,
    },
    createdAt: ref('Timestamp'),
  }),
}

const boolean = { type: 'boolean' }
const date = { type: 'string', format: 'date', example: '2026-01-31' }
const memberId = uuidPath('id', 'The member’s id')
const selfRefused =
  'A leader cannot change their own role or status (403 `FORBIDDEN`); the last active leader cannot be demoted or deactivated (409 `LAST_ADMIN`).'

export const adminMemberPaths: Record<string, Record<string, Operation>> = {
  '/admin/users': {
    get: operation({
      tags,
      operationId: 'listMembers',
      summary: 'Every member, searchable (leaders only)',
      description:
        'Deleted (anonymised) accounts are left out. Newest first unless `sort` says otherwise.',
      security: bearer('read'),
      parameters: [
        query('q', { type: 'string', maxLength: 100 }, 'Part of a name, username or email'),
        query('role', { type: 'string', enum: [...USER_ROLES] }, 'Only this role'),
        query('active', boolean, 'Only active (true) or deactivated (false) members'),
        query('verified', boolean, 'Only members whose email is verified, or not'),
        query('sort', { type: 'string', enum: [...MEMBER_SORTS], default: 'newest' }, 'Order'),
        ...pagination(20),
      ],
      responses: {
        ...success(
          'A page of members',
          { type: 'array', items: ref('AdminUser') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
  '/admin/users/{id}/role': {
    put: operation({
      tags,
      operationId: 'changeMemberRole',
      summary: 'Change a member’s role (leaders only)',
      description: `${selfRefused} Audited as \`user.role_changed\`.`,
      security: bearer('write'),
      parameters: [memberId],
      requestBody: jsonBody(fromValidator(changeRoleValidator), { role: 'HASHIRA' }),
      responses: {
        ...success('The member', ref('AdminUser')),
        ...failure(404),
        ...failure(409, ['LAST_ADMIN']),
        ...failure(422),
      },
    }),
  },
  '/admin/users/{id}/active': {
    put: operation({
      tags,
      operationId: 'setMemberActive',
      summary: 'Deactivate or reactivate a member (leaders only)',
      description: `Deactivating ends the member’s sessions, remember-me and API tokens and live streams at once. ${selfRefused} Audited as \`user.deactivated\` or \`user.reactivated\`.`,
      security: bearer('write'),
      parameters: [memberId],
      requestBody: jsonBody(fromValidator(activationValidator), { active: false }),
      responses: {
        ...success('The member', ref('AdminUser')),
        ...failure(404),
        ...failure(409, ['LAST_ADMIN']),
        ...failure(422),
      },
    }),
  },
  '/admin/audit-log': {
    get: operation({
      tags,
      operationId: 'listAuditLog',
      summary: 'The audit log, newest first (leaders only)',
      description: 'Every admin and money action with who did it, to what, and what changed.',
      security: bearer('read'),
      parameters: [
        query('actor', { type: 'string', maxLength: 50 }, 'The acting member’s username'),
        query(
          'action',
          { type: 'string', maxLength: 64, example: 'user.deactivated' },
          'Exact action'
        ),
        query(
          'subjectType',
          { type: 'string', maxLength: 64, example: 'user' },
          'What the action was about'
        ),
        query('subjectId', { type: 'string', maxLength: 64 }, 'The id of what it was about'),
        query('from', date, 'From this day (UTC), included'),
        query('to', date, 'Up to this day (UTC), included'),
        ...pagination(20),
      ],
      responses: {
        ...success(
          'A page of entries',
          { type: 'array', items: ref('AuditLogEntry') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
}
