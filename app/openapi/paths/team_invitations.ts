import { TEAM_INVITATION_STATUSES } from '#enums/team'
import { inviteMemberValidator } from '#validators/team'
import {
  bearer,
  object,
  failure,
  fromValidator,
  jsonBody,
  nullable,
  operation,
  pagination,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Invitations to a team (issue 19): sent by a team's admins and
 * moderators (and members when the team allows it), answered by the invitee.
 */
const tags = ['Teams']
const person = object({ id: ref('Uuid'), username: { type: 'string' } })
const teamId = uuidPath('id', 'The team id')
const invitationId = uuidPath('id', 'The invitation id')

export const teamInvitationSchemas: Record<string, Schema> = {
  TeamInvitation: object(
    {
      id: ref('Uuid'),
      team: object({ id: ref('Uuid'), name: { type: 'string' } }),
      invitee: person,
      inviter: { ...nullable(person), description: '`null` once the inviter’s account is gone' },
      status: {
        type: 'string',
        enum: [...TEAM_INVITATION_STATUSES],
        description: 'A PENDING invitation past `expiresAt` reads EXPIRED',
      },
      expiresAt: ref('Timestamp'),
      respondedAt: nullable(ref('Timestamp')),
      createdAt: ref('Timestamp'),
    },
    'An invitation to join a team. It expires 14 days after it is sent.'
  ),
}

const invitations = { type: 'array', items: ref('TeamInvitation') }

export const teamInvitationPaths: Record<string, Record<string, Operation>> = {
  '/teams/{id}/invitations': {
    get: operation({
      tags,
      operationId: 'listTeamInvitations',
      summary: 'A team’s pending invitations',
      description:
        'Team admins see every pending invitation; a moderator or member who may invite sees those they sent.',
      security: bearer('read'),
      parameters: [teamId, ...pagination(20)],
      responses: {
        ...success('A page of pending invitations, newest first', invitations, {
          paginated: true,
        }),
        ...failure(403),
        ...failure(404),
        ...failure(422),
      },
    }),
    post: operation({
      tags,
      operationId: 'inviteToTeam',
      summary: 'Invite a member by username',
      description:
        'Team admins and moderators, and members when the team allows member invites. The invitee is notified and has 14 days to answer. A username nobody has is a 422 on `username`; a deactivated or deleted account is refused with INVALID_TRANSITION.',
      security: bearer('write'),
      parameters: [teamId],
      requestBody: jsonBody(fromValidator(inviteMemberValidator), { username: 'zenitsu' }),
      responses: {
        ...success('The invitation', ref('TeamInvitation'), { status: 201 }),
        ...failure(403),
        ...failure(404),
        ...failure(409, ['ALREADY_MEMBER', 'ALREADY_INVITED', 'INVALID_TRANSITION']),
        ...failure(422),
      },
    }),
  },
  '/teams/{id}/invitations/{invitationId}': {
    delete: operation({
      tags,
      operationId: 'withdrawTeamInvitation',
      summary: 'Withdraw a pending invitation (its inviter, or a team admin)',
      security: bearer('write'),
      parameters: [teamId, uuidPath('invitationId', 'The invitation id')],
      responses: {
        ...success('The invitation, WITHDRAWN', ref('TeamInvitation')),
        ...failure(403),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
  '/invitations': {
    get: operation({
      tags,
      operationId: 'listMyInvitations',
      summary: 'The caller’s pending invitations, newest first',
      security: bearer('read'),
      parameters: pagination(20),
      responses: {
        ...success('A page of invitations', invitations, { paginated: true }),
        ...failure(422),
      },
    }),
  },
  '/invitations/{id}/accept': {
    post: operation({
      tags,
      operationId: 'acceptInvitation',
      summary: 'Accept an invitation: join the team',
      description:
        'Joins within the member limit, under the same lock as joining by code: a full team is TEAM_FULL (the invitation stays open). An expired, declined or withdrawn invitation is INVALID_TRANSITION. Needs a verified email.',
      security: bearer('write'),
      parameters: [invitationId],
      responses: {
        ...success('The invitation, ACCEPTED', ref('TeamInvitation')),
        ...failure(403),
        ...failure(404),
        ...failure(409, ['TEAM_FULL', 'ALREADY_MEMBER', 'INVALID_TRANSITION']),
      },
    }),
  },
  '/invitations/{id}/decline': {
    post: operation({
      tags,
      operationId: 'declineInvitation',
      summary: 'Decline an invitation',
      security: bearer('write'),
      parameters: [invitationId],
      responses: {
        ...success('The invitation, DECLINED', ref('TeamInvitation')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
}
