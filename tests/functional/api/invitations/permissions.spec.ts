import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import type Team from '#models/team'
import type User from '#models/user'
import { TeamInvitationFactory } from '#database/factories/team_invitation_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

/**
 * Every cell of docs/permissions.md "Team invitations" over the API. Each
 * cell starts from a fresh team with an open invitation (sent by the admin
 * to someone else), so the answer shows the permission alone.
 */
const ROLES = ['admin', 'moderator', 'member', 'outsider', 'unverified', 'guest'] as const
type Role = (typeof ROLES)[number]
type Expected = 'ok' | 401 | 403 | 404

type World = {
  team: Team
  users: Record<Exclude<Role, 'guest'>, User>
  invitee: User
  invitationId: string
  /** A member nobody invited yet. */
  someone: User
}

type Row = {
  action: string
  allowMemberInvite?: boolean
  /** What the cell needs from the caller first: an invitation they sent. */
  sentBy?: true
  request: (client: ApiClient, world: World, ownInvitationId: string | null) => ApiRequest
  expect: Record<Role, Expected>
}

const ADMINS_AND_MODERATORS = {
  admin: 'ok',
  moderator: 'ok',
  member: 403,
  outsider: 404,
  unverified: 404,
  guest: 401,
} as const

const EVERY_MEMBER = { ...ADMINS_AND_MODERATORS, member: 'ok' } as const

const NOBODY_BUT_THE_INVITEE = {
  admin: 404,
  moderator: 404,
  member: 404,
  outsider: 404,
  unverified: 404,
  guest: 401,
} as const

function inviteSomeone(client: ApiClient, { team, someone }: World) {
  return client.post(`/api/v1/teams/${team.id}/invitations`).json({ username: someone.username })
}

const ROWS: Row[] = [
  {
    action: 'invite by username',
    request: (client, given) => inviteSomeone(client, given),
    expect: ADMINS_AND_MODERATORS,
  },
  {
    action: 'invite by username, member invites allowed',
    allowMemberInvite: true,
    request: (client, given) => inviteSomeone(client, given),
    expect: EVERY_MEMBER,
  },
  {
    action: 'list the team’s pending invitations',
    request: (client, { team }) => client.get(`/api/v1/teams/${team.id}/invitations`),
    expect: ADMINS_AND_MODERATORS,
  },
  {
    action: 'list the team’s pending invitations, member invites allowed',
    allowMemberInvite: true,
    request: (client, { team }) => client.get(`/api/v1/teams/${team.id}/invitations`),
    expect: EVERY_MEMBER,
  },
  {
    action: 'withdraw an invitation someone else sent',
    request: (client, { team, invitationId }) =>
      client.delete(`/api/v1/teams/${team.id}/invitations/${invitationId}`),
    expect: { ...ADMINS_AND_MODERATORS, moderator: 403 },
  },
  {
    action: 'withdraw an invitation one sent',
    allowMemberInvite: true,
    sentBy: true,
    request: (client, { team }, ownInvitationId) =>
      client.delete(`/api/v1/teams/${team.id}/invitations/${ownInvitationId ?? team.id}`),
    expect: EVERY_MEMBER,
  },
  {
    action: 'accept someone else’s invitation',
    request: (client, { invitationId }) =>
      client.post(`/api/v1/invitations/${invitationId}/accept`),
    expect: NOBODY_BUT_THE_INVITEE,
  },
  {
    action: 'decline someone else’s invitation',
    request: (client, { invitationId }) =>
      client.post(`/api/v1/invitations/${invitationId}/decline`),
    expect: NOBODY_BUT_THE_INVITEE,
  },
  {
    action: 'list one’s own invitations',
    request: (client) => client.get('/api/v1/invitations'),
    expect: { ...EVERY_MEMBER, outsider: 'ok', unverified: 'ok' },
  },
]

async function world(allowMemberInvite: boolean): Promise<World> {
  const [admin, moderator, plain, outsider, invitee, someone] = await Promise.all([
    member(),
    member(),
    member(),
    member(),
    member(),
    member(),
  ])
  const unverified = await member('unverified')
  const team = await teamWith([
    [admin, 'ADMIN'],
    [moderator, 'MODERATOR'],
    [plain, 'MEMBER'],
  ])
  team.allowMemberInvite = allowMemberInvite
  await team.save()
  const invitation = await TeamInvitationFactory.merge({
    teamId: team.id,
    inviteeId: invitee.id,
    inviterId: admin.id,
  }).create()
  return {
    team,
    users: { admin, moderator, member: plain, outsider, unverified },
    invitee,
    invitationId: invitation.id,
    someone,
  }
}

/**
 * An open invitation the caller sent to a member of their own.
 */
async function sentInvitation({ team, someone }: World, caller: User) {
  const invitation = await TeamInvitationFactory.merge({
    teamId: team.id,
    inviteeId: someone.id,
    inviterId: caller.id,
  }).create()
  return invitation.id
}

function assertExpected(
  response: { status(): number; assertStatus(status: number): void },
  expected: Expected
) {
  if (expected !== 'ok') return response.assertStatus(expected)
  const status = response.status()
  if (status !== 200 && status !== 201) response.assertStatus(200)
}

test.group('Invitations API: permissions (docs/permissions.md "Team invitations")', (group) => {
  isolateDatabase(group)

  const cells = ROWS.flatMap((row) =>
    ROLES.map((role) => ({ action: row.action, role, row, expected: row.expect[role] }))
  )

  test('{action} as {role}: {expected}')
    .with(cells)
    .run(async ({ client }, { role, row, expected }) => {
      const given = await world(row.allowMemberInvite ?? false)
      const caller = role === 'guest' ? null : given.users[role]
      const own = row.sentBy && caller ? await sentInvitation(given, caller) : null
      const request = row.request(client, given, own)
      if (caller) request.header('authorization', await bearerFor(caller))
      assertExpected(await request, expected)
    })

  test('the invitee accepts and declines their own invitation', async ({ client }) => {
    const { invitee, invitationId } = await world(false)
    const authorization = await bearerFor(invitee)
    const accepted = await client
      .post(`/api/v1/invitations/${invitationId}/accept`)
      .header('authorization', authorization)
    accepted.assertStatus(200)

    const other = await world(false)
    const declined = await client
      .post(`/api/v1/invitations/${other.invitationId}/decline`)
      .header('authorization', await bearerFor(other.invitee))
    declined.assertStatus(200)
  })

  test('an unverified invitee cannot accept (403) but can decline', async ({ client, assert }) => {
    const { team, users } = await world(false)
    const unverified = await member('unverified')
    const invitation = await TeamInvitationFactory.merge({
      teamId: team.id,
      inviteeId: unverified.id,
      inviterId: users.admin.id,
    }).create()
    const authorization = await bearerFor(unverified)
    const accepted = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', authorization)
    accepted.assertStatus(403)
    assert.equal(accepted.body().error.code, 'FORBIDDEN')
    const declined = await client
      .post(`/api/v1/invitations/${invitation.id}/decline`)
      .header('authorization', authorization)
    declined.assertStatus(200)
  })
})
