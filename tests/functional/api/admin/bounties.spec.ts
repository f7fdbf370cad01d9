import { test } from '@japa/runner'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'
import { balancesOf } from '#tests/helpers/ledger'
import { teamOnlyBounty } from '#tests/helpers/admin'
import '#tests/helpers/openapi'

test.group('Admin bounties (API)', (group) => {
  isolateDatabase(group)

  test('lists every bounty, team-only ones included, filtered by status and search', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('500')
    const open = await postBounty(poster, { title: 'Paint the fence' })
    const { bounty: hidden } = await teamOnlyBounty(poster, 'Secret fence work')

    const all = await client
      .get('/api/v1/admin/bounties')
      .header('authorization', await bearerFor(admin))
    const searched = await client
      .get('/api/v1/admin/bounties?q=secret&status=AVAILABLE')
      .header('authorization', await bearerFor(admin))
    const board = await client
      .get('/api/v1/bounties')
      .header('authorization', await bearerFor(await member()))

    all.assertStatus(200)
    assert.sameMembers(
      all.body().data.map((bounty: { id: string }) => bounty.id),
      [open.id, hidden.id]
    )
    assert.equal(all.body().meta.pagination.total, 2)
    assert.deepEqual(
      searched.body().data.map((bounty: { id: string }) => bounty.id),
      [hidden.id]
    )
    assert.notInclude(
      board.body().data.map((bounty: { id: string }) => bounty.id),
      hidden.id
    )
  })

  test('filters by creator and assignee', async ({ client, assert }) => {
    const admin = await member('admin')
    const [alice, bob] = [await funded('500'), await funded('500')]
    const worker = await member()
    const byAlice = await postBounty(alice)
    const byBob = await postBounty(bob)
    await ClaimBounty.handle(worker, byBob)

    const created = await client
      .get(`/api/v1/admin/bounties?creator=${alice.username.toUpperCase()}`)
      .header('authorization', await bearerFor(admin))
    const worked = await client
      .get(`/api/v1/admin/bounties?assignee=@${worker.username}`)
      .header('authorization', await bearerFor(admin))

    assert.deepEqual(
      created.body().data.map((b: { id: string }) => b.id),
      [byAlice.id]
    )
    assert.deepEqual(
      worked.body().data.map((b: { id: string }) => b.id),
      [byBob.id]
    )
  })

  test('422 for filters that are not valid', async ({ client, assert }) => {
    const admin = await member('admin')
    const authorization = await bearerFor(admin)
    for (const [qs, field] of [
      ['status=DONE', 'status'],
      ['teamId=not-a-uuid', 'teamId'],
      ['deadlineAfter=yesterday', 'deadlineAfter'],
      ['page=0', 'page'],
    ]) {
      const response = await client
        .get(`/api/v1/admin/bounties?${qs}`)
        .header('authorization', authorization)
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED')
      assert.include(
        response.body().error.details.map((d: { field: string }) => d.field),
        field
      )
    }
  })

  test('deleting a bounty refunds its escrow, is audited, and the ledger stays clean', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const { bounty } = await teamOnlyBounty(poster)
    assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })

    const response = await client
      .delete(`/api/v1/admin/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(admin))

    response.assertStatus(200)
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '0.00' })
    const stored = await Bounty.findOrFail(bounty.id)
    assert.isNotNull(stored.deletedAt)
    assert.equal(stored.status, 'CANCELLED')
    const audit = await AuditLog.query().where('action', 'bounty.deleted').firstOrFail()
    assert.equal(audit.actorId, admin.id)
    assert.equal(audit.subjectId, bounty.id)
    assert.include(audit.data, { refunded: '100.00' })
    assert.deepEqual(audit.data.after, { status: 'CANCELLED', deleted: true })
    await assertLedgerClean(assert)
  })

  test('a bounty someone works on is not deleted (409) and keeps its escrow', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(await member(), bounty)

    const response = await client
      .delete(`/api/v1/admin/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(admin))

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    const stored = await Bounty.findOrFail(bounty.id)
    assert.isNull(stored.deletedAt)
    assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })
  })

  test('404 for an unknown or malformed id', async ({ client }) => {
    const admin = await member('admin')
    const authorization = await bearerFor(admin)
    const unknown = await client
      .delete('/api/v1/admin/bounties/00000000-0000-4000-8000-000000000000')
      .header('authorization', authorization)
    const malformed = await client
      .delete('/api/v1/admin/bounties/42')
      .header('authorization', authorization)
    unknown.assertStatus(404)
    malformed.assertStatus(404)
  })

  test('{role} gets 403 on every admin bounty endpoint and nothing changes')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client, assert }, { role }) => {
      const caller = await member(role)
      const poster = await funded('300')
      const bounty = await postBounty(poster)
      const authorization = await bearerFor(caller)

      const list = await client.get('/api/v1/admin/bounties').header('authorization', authorization)
      const removal = await client
        .delete(`/api/v1/admin/bounties/${bounty.id}`)
        .header('authorization', authorization)

      list.assertStatus(403)
      removal.assertStatus(403)
      const stored = await Bounty.findOrFail(bounty.id)
      assert.isNull(stored.deletedAt)
      assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })
    })
})
