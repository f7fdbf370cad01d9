import { test } from '@japa/runner'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import type CheckIn from '#models/check_in'
import type Team from '#models/team'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'

/**
 * Every cell of the "Check-ins" table in docs/permissions.md over the API.
 * The check-in (when the row needs one) is the author's, this week, so
 * the answer shows the permission alone.
 */
const ROLES = ['author', 'teammate', 'teamAdmin', 'outsider', 'leader', 'guest'] as const
type Role = (typeof ROLES)[number]
type Expected = 'ok' | 'hidden' | 401 | 403 | 404

type World = { team: Team; checkIn: CheckIn | null; users: Record<Exclude<Role, 'guest'>, User> }

type Row = {
  action: string
  checkIn: 'none' | 'public' | 'private'
  request: (client: ApiClient, world: World) => ApiRequest
  /**
   * For reads that list: whether the check-in is in the answer.
   */
  listed?: (response: ApiResponse, world: World) => boolean
  expect: Record<Role, Expected>
}

const answers = { productive: 8, satisfied: 7, body: 6, care: 9 }
const MEMBERS_ONLY = {
  author: 'ok',
  teammate: 'ok',
  teamAdmin: 'ok',
  outsider: 404,
  leader: 404,
  guest: 401,
} as const
const AUTHOR_ONLY = {
  author: 'ok',
  teammate: 403,
  teamAdmin: 403,
  outsider: 404,
  leader: 404,
  guest: 401,
} as const
const PRIVATE_AUTHOR_ONLY = { ...AUTHOR_ONLY, teammate: 404, teamAdmin: 404 } as const

const inTeamList = (response: ApiResponse, world: World) =>
  response.body().data.checkIns.some((item: { id: string }) => item.id === world.checkIn!.id)

const ROWS: Row[] = [
  {
    action: 'Check in (POST /checkins)',
    checkIn: 'none',
    request: (client, { team }) =>
      client.post('/api/v1/checkins').json({ teamId: team.id, ...answers }),
    expect: { ...MEMBERS_ONLY, outsider: 403, leader: 403 },
  },
  {
    action: 'See the team’s trends (GET /checkins/team/:id)',
    checkIn: 'none',
    request: (client, { team }) => client.get(`/api/v1/checkins/team/${team.id}`),
    expect: MEMBERS_ONLY,
  },
  {
    action: 'See one’s check-in of this week (GET /checkins/current)',
    checkIn: 'none',
    request: (client, { team }) => client.get('/api/v1/checkins/current').qs({ teamId: team.id }),
    expect: MEMBERS_ONLY,
  },
  {
    action: 'See a check-in in the team’s list',
    checkIn: 'public',
    request: (client, { team }) => client.get(`/api/v1/checkins/team/${team.id}`),
    listed: inTeamList,
    expect: MEMBERS_ONLY,
  },
  {
    action: 'See a private check-in in the team’s list',
    checkIn: 'private',
    request: (client, { team }) => client.get(`/api/v1/checkins/team/${team.id}`),
    listed: inTeamList,
    expect: { ...MEMBERS_ONLY, teammate: 'hidden', teamAdmin: 'hidden' },
  },
  {
    action: 'Change a check-in (PUT /checkins/:id)',
    checkIn: 'public',
    request: (client, { checkIn }) =>
      client.put(`/api/v1/checkins/${checkIn!.id}`).json({ care: 1 }),
    expect: AUTHOR_ONLY,
  },
  {
    action: 'Change a private check-in',
    checkIn: 'private',
    request: (client, { checkIn }) =>
      client.put(`/api/v1/checkins/${checkIn!.id}`).json({ care: 1 }),
    expect: PRIVATE_AUTHOR_ONLY,
  },
  {
    action: 'Delete a check-in (DELETE /checkins/:id)',
    checkIn: 'public',
    request: (client, { checkIn }) => client.delete(`/api/v1/checkins/${checkIn!.id}`),
    expect: AUTHOR_ONLY,
  },
  {
    action: 'Delete a private check-in',
    checkIn: 'private',
    request: (client, { checkIn }) => client.delete(`/api/v1/checkins/${checkIn!.id}`),
    expect: PRIVATE_AUTHOR_ONLY,
  },
]

async function worldWith(checkIn: Row['checkIn']): Promise<World> {
  const [author, teammate, teamAdmin, outsider, leader] = await Promise.all([
    member(),
    member(),
    member(),
    member(),
    member('admin'),
  ])
  const team = await teamWith([
    [author, 'MEMBER'],
    [teammate, 'MEMBER'],
    [teamAdmin, 'ADMIN'],
  ])
  return {
    team,
    checkIn:
      checkIn === 'none'
        ? null
        : await checkInRow(team, author, answers, { isPrivate: checkIn === 'private' }),
    users: { author, teammate, teamAdmin, outsider, leader },
  }
}

test.group('Check-in permissions (docs/permissions.md)', (group) => {
  isolateDatabase(group)

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.expect[role]
      test(`${row.action} — ${role}: ${expected}`, async ({ client, assert }) => {
        const setup = await worldWith(row.checkIn)
        const request = row.request(client, setup)
        if (role !== 'guest') request.header('authorization', await bearerFor(setup.users[role]))
        const response = await request

        if (expected === 'ok' || expected === 'hidden') {
          assert.isBelow(response.status(), 300, JSON.stringify(response.body()))
          if (row.listed) assert.equal(row.listed(response, setup), expected === 'ok')
        } else {
          assert.equal(response.status(), expected)
        }
      })
    }
  }
})
