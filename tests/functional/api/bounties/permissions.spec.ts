import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import Bounty from '#models/bounty'
import type User from '#models/user'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import '#tests/helpers/openapi'

/**
 * Every cell of docs/permissions.md over the API. Each cell starts from a
 * bounty in the state where the action is possible, so the answer shows
 * the permission alone: 2xx allowed, otherwise the documented refusal.
 */
const ROLES = ['poster', 'assignee', 'pillar', 'admin', 'member', 'unverified', 'guest'] as const
type Role = (typeof ROLES)[number]
type State = 'available' | 'draft' | 'claimed' | 'submitted'
type Expected = 'ok' | 401 | 403 | 404 | 409 | 'n/a'

type World = { bounty: Bounty; users: Record<Exclude<Role, 'guest'>, User>; target: User }

type Row = {
  action: string
  state: State
  request: (client: ApiClient, world: World) => ApiRequest
  expect: Record<Role, Expected>
}

const OTHERS_REFUSED = {
  pillar: 403,
  admin: 403,
  member: 403,
  unverified: 403,
  guest: 401,
} as const

/**
 * The poster and OYAKATASAMA may; the worker and everyone else may not. A
 * Pillar (HASHIRA) reviews only their teams' bounties, and this one is open
 * to all (tests/functional/api/teams/visibility.spec.ts has the
 * team bounty's cases).
 */
const REVIEWERS = {
  poster: 'ok',
  assignee: 403,
  pillar: 403,
  admin: 'ok',
  member: 403,
  unverified: 403,
  guest: 401,
} as const

/**
 * Every verified member may; the unverified and guests may not.
 */
const VERIFIED_MEMBERS = {
  poster: 'ok',
  assignee: 'ok',
  pillar: 'ok',
  admin: 'ok',
  member: 'ok',
  unverified: 403,
  guest: 401,
} as const

/**
 * The poster and OYAKATASAMA only.
 */
const POSTER_AND_ADMIN = {
  poster: 'ok',
  assignee: 403,
  pillar: 403,
  admin: 'ok',
  member: 403,
  unverified: 403,
  guest: 401,
} as const

/**
 * A draft exists for its poster only: everyone else gets 404.
 */
const DRAFT_OWNER_ONLY = {
  poster: 'ok',
  assignee: 'n/a',
  pillar: 404,
  admin: 404,
  member: 404,
  unverified: 404,
  guest: 401,
} as const

const ROWS: Row[] = [
  {
    action: 'see a published bounty',
    state: 'available',
    request: (client, { bounty }) => client.get(`/api/v1/bounties/${bounty.id}`),
    expect: {
      poster: 'ok',
      assignee: 'ok',
      pillar: 'ok',
      admin: 'ok',
      member: 'ok',
      unverified: 'ok',
      guest: 401,
    },
  },
  {
    action: 'see a draft',
    state: 'draft',
    request: (client, { bounty }) => client.get(`/api/v1/bounties/${bounty.id}`),
    expect: DRAFT_OWNER_ONLY,
  },
  {
    action: 'post a bounty',
    state: 'available',
    request: (client) =>
      client.post('/api/v1/bounties').json({
        title: 'A new bounty',
        description: 'Something to do',
        bountyAmount: '10.00',
        draft: true,
      }),
    expect: VERIFIED_MEMBERS,
  },
  {
    action: 'edit',
    state: 'available',
    request: (client, { bounty }) =>
      client.put(`/api/v1/bounties/${bounty.id}`).json({ title: 'A better title' }),
    expect: POSTER_AND_ADMIN,
  },
  {
    action: 'publish a draft',
    state: 'draft',
    request: (client, { bounty }) =>
      client.put(`/api/v1/bounties/${bounty.id}`).json({ draft: false }),
    expect: DRAFT_OWNER_ONLY,
  },
  {
    action: 'delete',
    state: 'available',
    request: (client, { bounty }) => client.delete(`/api/v1/bounties/${bounty.id}`),
    expect: POSTER_AND_ADMIN,
  },
  {
    action: 'claim',
    state: 'available',
    request: (client, { bounty }) => client.post(`/api/v1/bounties/${bounty.id}/assign`).json({}),
    expect: {
      poster: 403,
      assignee: 409,
      pillar: 'ok',
      admin: 'ok',
      member: 'ok',
      unverified: 403,
      guest: 401,
    },
  },
  {
    action: 'assign to a member',
    state: 'available',
    request: (client, { bounty, target }) =>
      client.post(`/api/v1/bounties/${bounty.id}/assign`).json({ userId: target.id }),
    expect: REVIEWERS,
  },
  {
    action: 'submit work',
    state: 'claimed',
    request: (client, { bounty }) =>
      client.post(`/api/v1/bounties/${bounty.id}/submit`).json({ note: 'Done' }),
    expect: { poster: 403, assignee: 'ok', ...OTHERS_REFUSED },
  },
  {
    action: 'approve',
    state: 'submitted',
    request: (client, { bounty }) => client.post(`/api/v1/bounties/${bounty.id}/approve`).json({}),
    expect: REVIEWERS,
  },
  {
    action: 'request changes',
    state: 'submitted',
    request: (client, { bounty }) =>
      client
        .post(`/api/v1/bounties/${bounty.id}/request-changes`)
        .json({ reason: 'Please add tests' }),
    expect: REVIEWERS,
  },
  {
    action: 'abandon',
    state: 'claimed',
    request: (client, { bounty }) => client.post(`/api/v1/bounties/${bounty.id}/unassign`),
    expect: { poster: 403, assignee: 'ok', ...OTHERS_REFUSED },
  },
  {
    action: 'cancel',
    state: 'available',
    request: (client, { bounty }) => client.post(`/api/v1/bounties/${bounty.id}/cancel`).json({}),
    expect: POSTER_AND_ADMIN,
  },
  {
    action: 'comment',
    state: 'available',
    request: (client, { bounty }) =>
      client.post(`/api/v1/bounties/${bounty.id}/comments`).json({ content: 'Nice one' }),
    expect: VERIFIED_MEMBERS,
  },
  {
    action: 'add a file to the bounty',
    state: 'available',
    request: (client, { bounty }) =>
      client
        .post('/api/v1/files/upload')
        .field('bountyId', bounty.id)
        .file('file', Buffer.from('Some notes\n'), { filename: 'notes.txt' }),
    expect: POSTER_AND_ADMIN,
  },
]

/**
 * The bounty in `state`, its cast, and a member to assign it to. The
 * assignee exists only once someone works on it: rows about an available
 * bounty meet the assignee on a claimed one.
 */
async function world(state: State, role: Role): Promise<World> {
  const poster = await funded('1000.00')
  const users = {
    poster,
    assignee: await member('verified'),
    pillar: await member('pillar'),
    admin: await member('admin'),
    member: await member('verified'),
    unverified: await member('unverified'),
  }
  const effective = role === 'assignee' && state === 'available' ? 'claimed' : state
  const bounty = await postBounty(poster, { draft: effective === 'draft' })
  if (effective === 'claimed' || effective === 'submitted') {
    await ClaimBounty.handle(users.assignee, bounty)
  }
  if (effective === 'submitted') await SubmitWork.handle(users.assignee, bounty, { note: 'Done' })
  return { bounty: await Bounty.findOrFail(bounty.id), users, target: await member('verified') }
}

test.group('Bounty permissions (docs/permissions.md)', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.expect[role]
      if (expected === 'n/a') continue
      const outcome = expected === 'ok' ? 'may' : `may not (${expected})`
      test(`${role} ${outcome} ${row.action}`, async ({ client, assert }) => {
        const current = await world(row.state, role)
        const request = row.request(client, current)
        if (role !== 'guest') {
          request.header('authorization', await bearerFor(current.users[role]))
        }

        const response = await request

        if (expected === 'ok') {
          assert.isTrue(response.status() < 300, `${response.status()} ${response.text()}`)
        } else {
          response.assertStatus(expected)
          if (expected === 409) assert.equal(response.body().error.code, 'ALREADY_CLAIMED')
        }
      })
    }
  }
})
