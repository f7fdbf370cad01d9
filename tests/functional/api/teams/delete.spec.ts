import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import type User from '#models/user'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { bearerFor } from '#tests/functional/api/support'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'
import { teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function as(user: User) {
  return { authorization: await bearerFor(user) }
}

test.group('Teams API: deleting a team', (group) => {
  truncateEachTest(group)

  test('open team bounties are cancelled and refunded, every team bounty is hidden', async ({
    client,
    assert,
  }) => {
    const admin = await funded('1000.00')
    const poster = await funded('500.00')
    const worker = await member()
    const team = await teamWith([
      [admin, 'ADMIN'],
      [poster, 'MEMBER'],
      [worker, 'MEMBER'],
    ])
    const open = await postBounty(poster, { teamId: team.id })
    const done = await postBounty(admin, { teamId: team.id })
    await ClaimBounty.handle(worker, done)
    await SubmitWork.handle(worker, done, { note: 'Done' })
    await ApproveWork.handle(admin, await Bounty.findOrFail(done.id))
    const draft = await postBounty(admin, { teamId: team.id, draft: true })
    const outside = await postBounty(poster)
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '200.00' })

    const response = await client.delete(`/api/v1/teams/${team.id}`).headers(await as(admin))

    response.assertStatus(200)
    assert.equal(await countRows('teams', { id: team.id }), 0)
    assert.equal(await countRows('team_memberships', { team_id: team.id }), 0)
    assert.deepEqual(await balancesOf(poster), { balance: '400.00', held: '100.00' })
    const rows = await db
      .from('bounties')
      .whereIn('id', [open.id, done.id, draft.id])
      .select('id', 'status', 'team_id', 'deleted_at')
    for (const row of rows) {
      assert.isNull(row.team_id)
      assert.isNotNull(row.deleted_at)
    }
    assert.equal(rows.find((row) => row.id === open.id)!.status, 'CANCELLED')
    assert.equal(rows.find((row) => row.id === done.id)!.status, 'COMPLETED')
    const untouched = await db.from('bounties').where('id', outside.id).first()
    assert.isNull(untouched.deleted_at)
    assert.equal(untouched.status, 'AVAILABLE')
    const audit = await db.from('audit_logs').where('action', 'team.delete').first()
    assert.equal(audit.subject_id, team.id)
    await assertLedgerClean(assert)
  })

  test('a team whose bounty someone works on is not deleted, and nothing moves', async ({
    client,
    assert,
  }) => {
    const admin = await funded('1000.00')
    const worker = await member()
    const team = await teamWith([
      [admin, 'ADMIN'],
      [worker, 'MEMBER'],
    ])
    const open = await postBounty(admin, { teamId: team.id })
    const busy = await postBounty(admin, { teamId: team.id, title: 'Being worked on' })
    await ClaimBounty.handle(worker, busy)
    const before = await balancesOf(admin)

    const response = await client.delete(`/api/v1/teams/${team.id}`).headers(await as(admin))

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    assert.include(response.body().error.message, 'Being worked on')
    assert.equal(await countRows('teams', { id: team.id }), 1)
    assert.deepEqual(await balancesOf(admin), before)
    const row = await db.from('bounties').where('id', open.id).first()
    assert.equal(row.status, 'AVAILABLE')
    assert.equal(row.team_id, team.id)
    await assertLedgerClean(assert)
  })
})
