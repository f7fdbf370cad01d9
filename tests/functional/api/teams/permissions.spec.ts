import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import type Team from '#models/team'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

/**
 * Every cell of docs/permissions.md "Teams" over the API. Each cell starts
 * from a fresh team where the action is possible, so the answer shows the
 * permission alone: 2xx allowed, otherwise the documented refusal.
 */
const ROLES = ['admin', 'moderator', 'member', 'outsider', 'unverified', 'guest'] as const
type Role = (typeof ROLES)[number]
type Expected = 'ok' | 401 | 403 | 404 | 409

type World = {
  team: Team
  users: Record<Exclude<Role, 'guest'>, User>
  coadmin: User
  targetMember: User
  targetModerator: User
}

type Row = {
  action: string
  request: (client: ApiClient, world: World, caller: User | null) => ApiRequest
  expect: Record<Role, Expected>
}

const EVERY_MEMBER = {
  admin: 'ok',
  moderator: 'ok',
  member: 'ok',
  outsider: 404,
  unverified: 404,
  guest: 401,
} as const

const ADMINS = {
  admin: 'ok',
  moderator: 403,
  member: 403,
  outsider: 404,
  unverified: 404,
  guest: 401,
} as const

const ADMINS_AND_MODERATORS = { ...ADMINS, moderator: 'ok' } as const

const ROWS: Row[] = [
  {
    action: 'see the team',
    request: (client, { team }) => client.get(`/api/v1/teams/${team.id}`),
    expect: EVERY_MEMBER,
  },
  {
    action: 'list its members',
    request: (client, { team }) => client.get(`/api/v1/teams/${team.id}/members`),
    expect: EVERY_MEMBER,
  },
  {
    action: 'create a team',
    request: (client) => client.post('/api/v1/teams').json({ name: 'Another team' }),
    expect: {
      admin: 'ok',
      moderator: 'ok',
      member: 'ok',
      outsider: 'ok',
      unverified: 403,
      guest: 401,
    },
  },
  {
    action: 'join by code',
    request: (client, { team }) =>
      client.post('/api/v1/teams/join').json({ accessCode: team.accessCode }),
    expect: {
      admin: 409,
      moderator: 409,
      member: 409,
      outsider: 'ok',
      unverified: 403,
      guest: 401,
    },
  },
  {
    action: 'change the settings',
    request: (client, { team }) => client.put(`/api/v1/teams/${team.id}`).json({ name: 'New' }),
    expect: ADMINS,
  },
  {
    action: 'delete the team',
    request: (client, { team }) => client.delete(`/api/v1/teams/${team.id}`),
    expect: ADMINS,
  },
  {
    action: 'replace the access code',
    request: (client, { team }) => client.post(`/api/v1/teams/${team.id}/access-code`),
    expect: ADMINS,
  },
  {
    action: 'change a member’s role',
    request: (client, { team, targetMember }) =>
      client.put(`/api/v1/teams/${team.id}/members/${targetMember.id}`).json({ role: 'MODERATOR' }),
    expect: ADMINS,
  },
  {
    action: 'remove a member',
    request: (client, { team, targetMember }) =>
      client.delete(`/api/v1/teams/${team.id}/members/${targetMember.id}`),
    expect: ADMINS_AND_MODERATORS,
  },
  {
    action: 'remove a moderator',
    request: (client, { team, targetModerator }) =>
      client.delete(`/api/v1/teams/${team.id}/members/${targetModerator.id}`),
    expect: ADMINS_AND_MODERATORS,
  },
  {
    action: 'remove an admin',
    request: (client, { team, coadmin }) =>
      client.delete(`/api/v1/teams/${team.id}/members/${coadmin.id}`),
    expect: ADMINS,
  },
  {
    action: 'remove oneself',
    request: (client, { team }, caller) =>
      client.delete(`/api/v1/teams/${team.id}/members/${caller?.id ?? team.id}`),
    expect: { ...ADMINS, admin: 403 },
  },
  {
    action: 'leave the team',
    request: (client, { team }) => client.post(`/api/v1/teams/${team.id}/leave`),
    expect: EVERY_MEMBER,
  },
]

async function world(): Promise<World> {
  const [admin, coadmin, moderator, plain, targetMember, targetModerator, outsider] =
    await Promise.all([member(), member(), member(), member(), member(), member(), member()])
  const unverified = await member('unverified')
  const team = await teamWith([
    [admin, 'ADMIN'],
    [coadmin, 'ADMIN'],
    [moderator, 'MODERATOR'],
    [plain, 'MEMBER'],
    [targetMember, 'MEMBER'],
    [targetModerator, 'MODERATOR'],
  ])
  return {
    team,
    users: { admin, moderator, member: plain, outsider, unverified },
    coadmin,
    targetMember,
    targetModerator,
  }
}

test.group('Teams API: permissions (docs/permissions.md "Teams")', (group) => {
  isolateDatabase(group)

  const cells = ROWS.flatMap((row) =>
    ROLES.map((role) => ({ action: row.action, role, row, expected: row.expect[role] }))
  )

  test('{action} as {role}: {expected}')
    .with(cells)
    .run(async ({ client }, { role, row, expected }) => {
      const given = await world()
      const caller = role === 'guest' ? null : given.users[role]
      const request = row.request(client, given, caller)
      if (caller) request.header('authorization', await bearerFor(caller))
      const response = await request
      if (expected === 'ok') {
        const status = response.status()
        if (status !== 200 && status !== 201) response.assertStatus(200)
      } else {
        response.assertStatus(expected)
      }
    })
})
