import { TEAM_ROLES } from '#enums/team'
import {
  createTeamValidator,
  joinTeamValidator,
  updateMemberRoleValidator,
  updateTeamValidator,
} from '#validators/team'
import {
  bearer,
  object,
  failure,
  fromValidator,
  jsonBody,
  nullable,
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
 * Teams (F1) and member search, and the schemas of their transformers.
 */
const tags = ['Teams']

export const teamsTag = {
  name: 'Teams',
  description: [
    'Teams, their members and roles, joining by access code, and member search.',
    'A team is visible only to its members: for anyone else its id answers 404.',
    'Live events of a team arrive on the Transmit channel `teams/<id>` (members only):',
    '`{ type: "member.joined" | "member.left", user: { id, username } }` and',
    '`{ type: "team.updated", team }`, where `team` is a Team without `role` and `accessCode`.',
  ].join('\n'),
}

const role = { type: 'string', enum: [...TEAM_ROLES] }
const person = object({ id: ref('Uuid'), username: { type: 'string' } })
const messageOnly = { type: 'null', description: 'No data: read `message`' }

export const teamSchemas: Record<string, Schema> = {
  Team: object(
    {
      id: ref('Uuid'),
      name: { type: 'string' },
      description: nullable({ type: 'string' }),
      isPrivate: { type: 'boolean' },
      maxMembers: { type: 'integer', minimum: 2, maximum: 1000 },
      memberCount: { type: 'integer', minimum: 0 },
      role: { ...role, description: 'The caller’s role in the team' },
      accessCode: {
        ...nullable({ type: 'string', pattern: '^[A-Z0-9]+$' }),
        description:
          'The code that joins the team: shown to its ADMINs and MODERATORs, `null` for a MEMBER',
      },
      createdAt: ref('Timestamp'),
    },
    'A team as the caller sees it.'
  ),
  TeamMember: object({ user: person, role, joinedAt: ref('Timestamp') }),
  UserSearchResult: object(
    {
      id: ref('Uuid'),
      username: { type: 'string' },
      firstName: nullable({ type: 'string' }),
      lastName: nullable({ type: 'string' }),
      avatarUrl: nullable({ type: 'string' }),
    },
    'A member found by search. Names are `null` unless the member’s profile is visible to the caller (PUBLIC, FRIENDS_ONLY and sharing a team, or the caller’s own).'
  ),
}

const teamId = uuidPath('id', 'The team id')
const userId = uuidPath('userId', 'The member’s user id')

export const teamPaths: Record<string, Record<string, Operation>> = {
  '/teams': {
    get: operation({
      tags,
      operationId: 'listTeams',
      summary: 'The caller’s teams, by name',
      security: bearer('read'),
      parameters: pagination(20),
      responses: {
        ...success('A page of teams', { type: 'array', items: ref('Team') }, { paginated: true }),
        ...failure(422),
      },
    }),
    post: operation({
      tags,
      operationId: 'createTeam',
      summary: 'Start a team: the caller becomes its ADMIN',
      description:
        'Defaults: private, 20 members at most, timezone UTC (it decides when check-in weeks start). A fresh 8-character access code is generated. Needs a verified email.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(createTeamValidator), {
        name: 'Water Breathing',
        description: 'Tanjiro’s study group',
        isPrivate: true,
        maxMembers: 10,
        timezone: 'Asia/Tokyo',
      }),
      responses: {
        ...success('The team', ref('Team'), { status: 201 }),
        ...failure(422),
      },
    }),
  },
  '/teams/join': {
    post: operation({
      tags,
      operationId: 'joinTeam',
      summary: 'Join a team by its access code (any letter case)',
      description:
        'Of several members taking the last seat at once, one gets it and the others get TEAM_FULL.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(joinTeamValidator), { accessCode: 'K7M2QXPA' }),
      responses: {
        ...success('The team joined', object({ team: ref('Team') })),
        ...failure(404, ['NOT_FOUND'], 'No team has this access code'),
        ...failure(409, ['TEAM_FULL', 'ALREADY_MEMBER']),
        ...failure(422),
      },
    }),
  },
  '/teams/{id}': {
    get: operation({
      tags,
      operationId: 'getTeam',
      summary: 'A team of the caller’s',
      security: bearer('read'),
      parameters: [teamId],
      responses: {
        ...success('The team', ref('Team')),
        ...failure(404),
      },
    }),
    put: operation({
      tags,
      operationId: 'updateTeam',
      summary: 'Change a team’s settings (team admins)',
      description:
        'Only the fields sent change; `null` clears the description. The member limit cannot go below the current member count (INVALID_TRANSITION).',
      security: bearer('write'),
      parameters: [teamId],
      requestBody: jsonBody(fromValidator(updateTeamValidator), { maxMembers: 30 }),
      responses: {
        ...success('The team, updated', ref('Team')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
        ...failure(422),
      },
    }),
    delete: operation({
      tags,
      operationId: 'deleteTeam',
      summary: 'Delete a team (team admins)',
      description:
        'Refused with INVALID_TRANSITION while a member works on one of the team’s bounties. Otherwise its open bounties are cancelled with their escrow refunded to their posters, and all its bounties are hidden; memberships and check-ins are deleted.',
      security: bearer('write'),
      parameters: [teamId],
      responses: {
        ...success('Deleted', messageOnly),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/teams/{id}/access-code': {
    post: operation({
      tags,
      operationId: 'regenerateTeamAccessCode',
      summary: 'Replace the access code (team admins): the old one stops working at once',
      security: bearer('write'),
      parameters: [teamId],
      responses: {
        ...success('The team with its new code', ref('Team')),
        ...failure(404),
      },
    }),
  },
  '/teams/{id}/leave': {
    post: operation({
      tags,
      operationId: 'leaveTeam',
      summary: 'Leave a team',
      description:
        'The last ADMIN cannot leave while others remain (make someone else admin first), and a sole member deletes the team instead: both INVALID_TRANSITION.',
      security: bearer('write'),
      parameters: [teamId],
      responses: {
        ...success('Left', messageOnly),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/teams/{id}/members': {
    get: operation({
      tags,
      operationId: 'listTeamMembers',
      summary: 'A team’s members: admins, then moderators, then by joining date',
      security: bearer('read'),
      parameters: [teamId, ...pagination(50)],
      responses: {
        ...success(
          'A page of members',
          { type: 'array', items: ref('TeamMember') },
          { paginated: true }
        ),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/teams/{id}/members/{userId}': {
    put: operation({
      tags,
      operationId: 'updateTeamMemberRole',
      summary: 'Change a member’s role (team admins)',
      description: 'The last ADMIN cannot be demoted (INVALID_TRANSITION).',
      security: bearer('write'),
      parameters: [teamId, userId],
      requestBody: jsonBody(fromValidator(updateMemberRoleValidator), { role: 'MODERATOR' }),
      responses: {
        ...success('The member with their new role', ref('TeamMember')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
        ...failure(422),
      },
    }),
    delete: operation({
      tags,
      operationId: 'removeTeamMember',
      summary: 'Remove a member (team admins and moderators)',
      description:
        'A moderator cannot remove an admin, and nobody removes themselves this way (leave instead): both 403.',
      security: bearer('write'),
      parameters: [teamId, userId],
      responses: {
        ...success('Removed', messageOnly),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/users/search': {
    get: operation({
      tags: ['Users'],
      operationId: 'searchUsers',
      summary: 'Members by username, or by name where their profile is visible to the caller',
      security: bearer('read'),
      parameters: [
        {
          ...query(
            'q',
            { type: 'string', minLength: 2, maxLength: 50 },
            'Part of a username or name'
          ),
          required: true,
        },
        ...pagination(20),
      ],
      responses: {
        ...success(
          'A page of members, exact username first',
          { type: 'array', items: ref('UserSearchResult') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
}
