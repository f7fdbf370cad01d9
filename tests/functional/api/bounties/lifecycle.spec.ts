import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import ApproveWork from '#actions/bounties/approve_work'
import CancelBounty from '#actions/bounties/cancel_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { balancesOf } from '#tests/helpers/ledger'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'
import '#tests/helpers/openapi'

async function as(user: User) {
  return { authorization: await bearerFor(user) }
}

test.group('Bounty lifecycle over the API', (group) => {
  isolateDatabase(group)

  test('post → claim → submit → changes requested → submit → approve pays once', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const worker = await member()
    const posterAuth = await as(poster)
    const workerAuth = await as(worker)

    const created = await client
      .post('/api/v1/bounties')
      .headers(posterAuth)
      .header('idempotency-key', 'post-1')
      .json({
        title: 'Write the onboarding guide',
        description: 'Cover **sign-up** and the first bounty.',
        bountyAmount: 150,
        estimatedHours: 6,
        priority: 'HIGH',
        tags: ['Docs', 'writing'],
      })
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(created.body().data.status, 'AVAILABLE')
    assert.equal(created.body().data.bountyAmount, '150.00')
    assert.deepEqual(
      created.body().data.tags.map((tag: { name: string }) => tag.name),
      ['Docs', 'writing']
    )
    assert.deepEqual(await balancesOf(poster), { balance: '350.00', held: '150.00' })

    const claimed = await client.post(`/api/v1/bounties/${id}/assign`).headers(workerAuth).json({})
    claimed.assertStatus(200)
    assert.equal(claimed.body().data.status, 'IN_PROGRESS')
    assert.equal(claimed.body().data.assignee.id, worker.id)

    const submitted = await client
      .post(`/api/v1/bounties/${id}/submit`)
      .headers(workerAuth)
      .json({ note: 'Draft one is in the wiki' })
    assert.equal(submitted.body().data.status, 'REVIEW')

    const changes = await client
      .post(`/api/v1/bounties/${id}/request-changes`)
      .headers(posterAuth)
      .json({ reason: 'Add screenshots' })
    assert.equal(changes.body().data.status, 'IN_PROGRESS')

    const resubmitted = await client
      .post(`/api/v1/bounties/${id}/submit`)
      .headers(workerAuth)
      .json({ note: 'Screenshots added' })
    resubmitted.assertStatus(200)

    const approved = await client
      .post(`/api/v1/bounties/${id}/approve`)
      .headers(posterAuth)
      .header('idempotency-key', 'approve-1')
      .json({})
    approved.assertStatus(200)
    assert.equal(approved.body().data.status, 'COMPLETED')
    assert.deepEqual(await balancesOf(worker), { balance: '150.00', held: '0.00' })

    const replay = await client
      .post(`/api/v1/bounties/${id}/approve`)
      .headers(posterAuth)
      .header('idempotency-key', 'approve-1')
      .json({})
    replay.assertStatus(200)
    replay.assertHeader('idempotent-replayed', 'true')

    const again = await client.post(`/api/v1/bounties/${id}/approve`).headers(posterAuth).json({})
    again.assertStatus(409)
    assert.equal(again.body().error.code, 'INVALID_TRANSITION')
    assert.deepEqual(await balancesOf(worker), { balance: '150.00', held: '0.00' })

    const timeline = await client.get(`/api/v1/bounties/${id}/events`).headers(posterAuth)
    assert.deepEqual(
      timeline.body().data.map((event: { type: string }) => event.type),
      [
        'created',
        'funded',
        'published',
        'claimed',
        'submitted',
        'changes_requested',
        'submitted',
        'approved',
        'paid',
      ]
    )
    const submissions = await client.get(`/api/v1/bounties/${id}/submissions`).headers(posterAuth)
    assert.deepEqual(
      submissions.body().data.map((item: { review: string }) => item.review),
      ['APPROVED', 'CHANGES_REQUESTED']
    )
    assert.equal(submissions.body().data[1].reviewReason, 'Add screenshots')
    await assertLedgerClean(assert)
  })

  test('assigning by the poster starts the work and records who assigned', async ({
    client,
    assert,
  }) => {
    const poster = await funded()
    const worker = await member()
    const bounty = await postBounty(poster)

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(await as(poster))
      .json({ userId: worker.id })

    response.assertStatus(200)
    assert.equal(response.body().data.assignee.username, worker.username)
    const event = await BountyEvent.query()
      .where('bounty_id', bounty.id)
      .where('type', 'assigned')
      .firstOrFail()
    assert.equal(event.actorId, poster.id)
    assert.equal(event.data.userId, worker.id)
  })

  test('assigning an unverified, unknown or the posting member is refused', async ({
    client,
    assert,
  }) => {
    const poster = await funded()
    const leader = await member('admin')
    const unverified = await member('unverified')
    const bounty = await postBounty(poster)
    const auth = await as(leader)

    const toUnverified = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(auth)
      .json({ userId: unverified.id })
    const toPoster = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(auth)
      .json({ userId: poster.id })
    const toNobody = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(auth)
      .json({ userId: '00000000-0000-4000-8000-000000000000' })

    toUnverified.assertStatus(403)
    toPoster.assertStatus(403)
    toNobody.assertStatus(404)
    const unchanged = await Bounty.findOrFail(bounty.id)
    assert.equal(unchanged.status, 'AVAILABLE')
  })

  test('abandoning makes the bounty available again', async ({ client, assert }) => {
    const poster = await funded()
    const worker = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/unassign`)
      .headers(await as(worker))

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'AVAILABLE')
    assert.isNull(response.body().data.assignee)
    assert.lengthOf(response.body().data.claims, 0)
  })

  test('a multi-slot bounty pays each claimant separately and completes with the last', async ({
    client,
    assert,
  }) => {
    const poster = await funded('300.00')
    const [first, second] = [await member(), await member()]
    const bounty = await postBounty(poster, { maxCompletions: 2 })
    await ClaimBounty.handle(first, bounty)
    await ClaimBounty.handle(second, bounty)
    await SubmitWork.handle(first, bounty, { note: 'Mine' })
    await SubmitWork.handle(second, bounty, { note: 'Mine too' })
    const auth = await as(poster)

    const ambiguous = await client
      .post(`/api/v1/bounties/${bounty.id}/approve`)
      .headers(auth)
      .json({})
    ambiguous.assertStatus(409)
    assert.equal(ambiguous.body().error.details[0].field, 'userId')

    const one = await client
      .post(`/api/v1/bounties/${bounty.id}/approve`)
      .headers(auth)
      .json({ userId: first.id })
    assert.equal(one.body().data.status, 'REVIEW')
    assert.deepEqual(await balancesOf(first), { balance: '100.00', held: '0.00' })
    assert.deepEqual(await balancesOf(second), { balance: '0.00', held: '0.00' })

    const two = await client.post(`/api/v1/bounties/${bounty.id}/approve`).headers(auth).json({})
    assert.equal(two.body().data.status, 'COMPLETED')
    assert.deepEqual(await balancesOf(second), { balance: '100.00', held: '0.00' })
    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })
    await assertLedgerClean(assert)
  })

  test('while slots remain a multi-slot bounty stays available to claim', async ({
    client,
    assert,
  }) => {
    const poster = await funded('300.00')
    const bounty = await postBounty(poster, { maxCompletions: 3 })
    await ClaimBounty.handle(await member(), bounty)

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(await as(await member()))
      .json({})

    assert.equal(response.body().data.status, 'AVAILABLE')
    assert.equal(response.body().data.slotsRemaining, 1)
    assert.isNull(response.body().data.assignee)
    assert.lengthOf(response.body().data.claims, 2)
  })
})

/**
 * Every move the bounty's state does not allow, made by someone the
 * policy lets try: 409 with a message, and nothing changes.
 */
type Stage = 'draft' | 'claimed' | 'review' | 'completed' | 'cancelled' | 'overdue' | 'available'
type Actor = 'poster' | 'worker' | 'other'
type Move = { move: string; as: Actor; code: string; send: (client: ApiClient, id: string) => any }

const moves = {
  claim: (client: ApiClient, id: string) => client.post(`/api/v1/bounties/${id}/assign`).json({}),
  submit: (client: ApiClient, id: string) =>
    client.post(`/api/v1/bounties/${id}/submit`).json({ note: 'Again' }),
  approve: (client: ApiClient, id: string) =>
    client.post(`/api/v1/bounties/${id}/approve`).json({}),
  requestChanges: (client: ApiClient, id: string) =>
    client.post(`/api/v1/bounties/${id}/request-changes`).json({ reason: 'More' }),
  abandon: (client: ApiClient, id: string) => client.post(`/api/v1/bounties/${id}/unassign`),
  cancel: (client: ApiClient, id: string) => client.post(`/api/v1/bounties/${id}/cancel`).json({}),
  edit: (client: ApiClient, id: string) =>
    client.put(`/api/v1/bounties/${id}`).json({ title: 'Changed title' }),
  remove: (client: ApiClient, id: string) => client.delete(`/api/v1/bounties/${id}`),
}

const REFUSED: Record<Stage, Move[]> = {
  available: [
    { move: 'approve', as: 'poster', code: 'INVALID_TRANSITION', send: moves.approve },
    {
      move: 'request changes',
      as: 'poster',
      code: 'INVALID_TRANSITION',
      send: moves.requestChanges,
    },
  ],
  draft: [
    { move: 'approve', as: 'poster', code: 'INVALID_TRANSITION', send: moves.approve },
    { move: 'cancel', as: 'poster', code: 'INVALID_TRANSITION', send: moves.cancel },
  ],
  claimed: [
    { move: 'claim', as: 'other', code: 'ALREADY_CLAIMED', send: moves.claim },
    { move: 'approve', as: 'poster', code: 'INVALID_TRANSITION', send: moves.approve },
    {
      move: 'request changes',
      as: 'poster',
      code: 'INVALID_TRANSITION',
      send: moves.requestChanges,
    },
    { move: 'cancel', as: 'poster', code: 'INVALID_TRANSITION', send: moves.cancel },
    { move: 'edit', as: 'poster', code: 'INVALID_TRANSITION', send: moves.edit },
    { move: 'delete', as: 'poster', code: 'INVALID_TRANSITION', send: moves.remove },
  ],
  review: [
    { move: 'claim', as: 'other', code: 'ALREADY_CLAIMED', send: moves.claim },
    { move: 'submit again', as: 'worker', code: 'INVALID_TRANSITION', send: moves.submit },
    { move: 'abandon', as: 'worker', code: 'INVALID_TRANSITION', send: moves.abandon },
    { move: 'cancel', as: 'poster', code: 'INVALID_TRANSITION', send: moves.cancel },
    { move: 'edit', as: 'poster', code: 'INVALID_TRANSITION', send: moves.edit },
    { move: 'delete', as: 'poster', code: 'INVALID_TRANSITION', send: moves.remove },
  ],
  completed: [
    { move: 'claim', as: 'other', code: 'INVALID_TRANSITION', send: moves.claim },
    { move: 'approve again', as: 'poster', code: 'INVALID_TRANSITION', send: moves.approve },
    {
      move: 'request changes',
      as: 'poster',
      code: 'INVALID_TRANSITION',
      send: moves.requestChanges,
    },
    { move: 'cancel', as: 'poster', code: 'INVALID_TRANSITION', send: moves.cancel },
    { move: 'edit', as: 'poster', code: 'INVALID_TRANSITION', send: moves.edit },
    { move: 'delete', as: 'poster', code: 'INVALID_TRANSITION', send: moves.remove },
  ],
  cancelled: [
    { move: 'claim', as: 'other', code: 'INVALID_TRANSITION', send: moves.claim },
    { move: 'approve', as: 'poster', code: 'INVALID_TRANSITION', send: moves.approve },
    { move: 'cancel again', as: 'poster', code: 'INVALID_TRANSITION', send: moves.cancel },
    { move: 'edit', as: 'poster', code: 'INVALID_TRANSITION', send: moves.edit },
  ],
  overdue: [{ move: 'claim', as: 'other', code: 'INVALID_TRANSITION', send: moves.claim }],
}

const DESCRIBED: Record<Stage, string> = {
  available: 'an available bounty',
  draft: 'a draft',
  claimed: 'a claimed bounty',
  review: 'a bounty in review',
  completed: 'a completed bounty',
  cancelled: 'a cancelled bounty',
  overdue: 'an available bounty past its deadline',
}

async function stage(name: Stage) {
  const poster = await funded('500.00')
  const worker = await member()
  const other = await member()
  const bounty = await postBounty(poster, { draft: name === 'draft' })
  if (['claimed', 'review', 'completed'].includes(name)) await ClaimBounty.handle(worker, bounty)
  if (['review', 'completed'].includes(name)) {
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
  }
  if (name === 'completed') await ApproveWork.handle(poster, bounty)
  if (name === 'cancelled') await CancelBounty.handle(poster, bounty)
  if (name === 'overdue') {
    await db
      .from('bounties')
      .where('id', bounty.id)
      .update({ deadline: new Date(Date.now() - 1000) })
  }
  return { bounty: await Bounty.findOrFail(bounty.id), users: { poster, worker, other } }
}

test.group('Bounty lifecycle refusals', (group) => {
  isolateDatabase(group)

  for (const [name, refused] of Object.entries(REFUSED) as [Stage, Move[]][]) {
    for (const { move, as: actor, code, send } of refused) {
      test(`${move} on ${DESCRIBED[name]} answers 409 ${code} and changes nothing`, async ({
        client,
        assert,
      }) => {
        const { bounty, users } = await stage(name)
        const before = await balancesOf(users.poster)
        const events = await BountyEvent.query().where('bounty_id', bounty.id).count('* as total')

        const response = await send(client, bounty.id).headers(await as(users[actor]))

        response.assertStatus(409)
        assert.equal(response.body().error.code, code)
        assert.isString(response.body().error.message)
        const after = await Bounty.findOrFail(bounty.id)
        assert.equal(after.status, bounty.status)
        assert.equal(after.title, bounty.title)
        assert.deepEqual(await balancesOf(users.poster), before)
        const eventsAfter = await BountyEvent.query()
          .where('bounty_id', bounty.id)
          .count('* as total')
        assert.equal(eventsAfter[0].$extras.total, events[0].$extras.total)
        await assertLedgerClean(assert)
      })
    }
  }

  test('the poster cannot claim their own bounty, even by naming themselves', async ({
    client,
  }) => {
    const { bounty, users } = await stage('available')
    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .headers(await as(users.poster))
      .json({ userId: users.poster.id })
    response.assertStatus(403)
  })

  test('a reviewer who works on the bounty cannot approve their own work', async ({
    client,
    assert,
  }) => {
    const poster = await funded()
    const leader = await member('admin')
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(leader, bounty)
    await SubmitWork.handle(leader, bounty, { note: 'Done by me' })

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/approve`)
      .headers(await as(leader))
      .json({})

    response.assertStatus(403)
    assert.deepEqual(await balancesOf(leader), { balance: '0.00', held: '0.00' })
  })
})
