import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'
import { balancesOf } from '#tests/helpers/ledger'
import { teamOnlyBounty } from '#tests/helpers/admin'

test.group('Admin bounties (pages)', (group) => {
  isolateDatabase(group)

  test('lists every bounty with who posted it and who works on it', async ({ client }) => {
    const admin = await member('admin')
    const poster = await funded('500')
    const worker = await member()
    const open = await postBounty(poster, { title: 'Paint the fence' })
    await ClaimBounty.handle(worker, open)
    await teamOnlyBounty(poster, 'Secret fence work')

    const response = await client.get('/admin/bounties').loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('Paint the fence')
    response.assertTextIncludes('Secret fence work')
    response.assertTextIncludes(`@${worker.username}`)
    response.assertTextIncludes('2 bounties')
    // The claimed one is offered a cancel that says what it does to the worker.
    response.assertTextIncludes('The open claims end, their workers are told')
  })

  test('filters by creator, assignee and team', async ({ client, assert }) => {
    const admin = await member('admin')
    const [alice, bob] = [await funded('500'), await funded('500')]
    const worker = await member()
    await postBounty(alice, { title: 'Alice posted this' })
    const byBob = await postBounty(bob, { title: 'Bob posted this' })
    await ClaimBounty.handle(worker, byBob)
    const { teamId } = await teamOnlyBounty(bob, 'Team work of Bob')

    const created = await client.get(`/admin/bounties?creator=${alice.username}`).loginAs(admin)
    const worked = await client.get(`/admin/bounties?assignee=${worker.username}`).loginAs(admin)
    const team = await client.get(`/admin/bounties?teamId=${teamId}`).loginAs(admin)

    assert.include(created.text(), 'Alice posted this')
    assert.notInclude(created.text(), 'Bob posted this')
    assert.include(worked.text(), 'Bob posted this')
    assert.notInclude(worked.text(), 'Alice posted this')
    assert.include(team.text(), 'Team work of Bob')
    assert.notInclude(team.text(), 'Alice posted this')
  })

  test('bad filters are left out with a form error, never a 500', async ({ client, assert }) => {
    const admin = await member('admin')
    await postBounty(await funded('200'), { title: 'Still listed' })

    const response = await client
      .get('/admin/bounties?deadlineAfter=not-a-date&teamId=42&status=NOPE')
      .loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('Some filters were left out')
    response.assertTextIncludes('Due after: enter a date like 2026-05-01')
    response.assertTextIncludes('Still listed')
    assert.notInclude(response.text(), 'value="not-a-date"')
  })

  test('cancelling refunds the escrow, is audited and keeps the ledger clean', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const bounty = await postBounty(poster)

    const response = await client
      .post(`/admin/bounties/${bounty.id}/cancellation`)
      .withCsrfToken()
      .loginAs(admin)
      .header('referer', '/admin/bounties')
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/bounties')
    const stored = await Bounty.findOrFail(bounty.id)
    assert.equal(stored.status, 'CANCELLED')
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '0.00' })
    const audit = await AuditLog.query().where('action', 'bounty.cancelled').firstOrFail()
    assert.equal(audit.actorId, admin.id)
    assert.deepEqual(audit.data.before, { status: 'AVAILABLE' })
    assert.deepEqual(audit.data.after, { status: 'CANCELLED' })
    assert.equal(audit.data.refunded, '100.00')
    await assertLedgerClean(assert)
  })

  test('a Leader cancels a bounty someone works on: the claim ends, the worker is told, the escrow goes back', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const worker = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)
    assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })

    const response = await client
      .post(`/admin/bounties/${bounty.id}/cancellation`)
      .form({ reason: 'Out of scope' })
      .withCsrfToken()
      .loginAs(admin)
      .header('referer', '/admin/bounties')
      .redirects(0)

    response.assertStatus(302)
    const stored = await Bounty.findOrFail(bounty.id)
    assert.equal(stored.status, 'CANCELLED')
    const claim = await db.from('bounty_claims').where('bounty_id', bounty.id).firstOrFail()
    assert.equal(claim.status, 'CANCELLED')
    assert.isNotNull(claim.ended_at)
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '0.00' })
    const told = await db
      .from('notifications')
      .where({ user_id: worker.id, type: 'bounty.cancelled' })
      .first()
    assert.isNotNull(told)
    const audit = await AuditLog.query().where('action', 'bounty.cancelled').firstOrFail()
    assert.deepEqual(audit.data.endedClaimsOf, [worker.id])
    await assertLedgerClean(assert)
  })

  test('the poster still cannot cancel while someone works on it', async ({ client, assert }) => {
    const poster = await funded('300')
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(await member(), bounty)

    const response = await client
      .post(`/bounties/${bounty.id}/cancellation`)
      .withCsrfToken()
      .loginAs(poster)
      .header('referer', `/bounties/${bounty.id}`)
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage(
      'error',
      'This bounty cannot be cancelled while someone is working on it'
    )
    const stored = await Bounty.findOrFail(bounty.id)
    assert.equal(stored.status, 'IN_PROGRESS')
    assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })
  })

  test('deleting a team-only bounty refunds its escrow and is audited', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const { bounty } = await teamOnlyBounty(poster)

    const response = await client
      .delete(`/admin/bounties/${bounty.id}`)
      .withCsrfToken()
      .loginAs(admin)
      .header('referer', '/admin/bounties')
      .redirects(0)

    response.assertStatus(302)
    const stored = await Bounty.findOrFail(bounty.id)
    assert.isNotNull(stored.deletedAt)
    assert.deepEqual(await balancesOf(poster), { balance: '300.00', held: '0.00' })
    assert.exists(await AuditLog.query().where('action', 'bounty.deleted').first())
    await assertLedgerClean(assert)
  })

  test('exports the filtered list as CSV with a byte order mark', async ({ client, assert }) => {
    const admin = await member('admin')
    const poster = await funded('500')
    await postBounty(poster, { title: '=HYPERLINK("http://evil")' })
    await postBounty(poster, { title: 'Kept out by the filter' })
    await teamOnlyBounty(poster, 'Team, "quoted" work')

    const all = await client.get('/admin/bounties/export.csv').loginAs(admin)
    const filtered = await client.get('/admin/bounties/export.csv?q=quoted').loginAs(admin)

    all.assertStatus(200)
    all.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(all.header('content-disposition') ?? '', /attachment; filename="corps-bounties-/)
    assert.isTrue(all.text().startsWith('\uFEFF"Id","Title","Status"'))
    const lines = all.text().trim().split('\r\n')
    assert.lengthOf(lines, 4)
    assert.include(all.text(), `"'=HYPERLINK(""http://evil"")"`)
    const rows = filtered.text().trim().split('\r\n')
    assert.lengthOf(rows, 2)
    assert.include(rows[1], '"Team, ""quoted"" work"')
  })

  test('{role} gets 403 on every admin bounty page and nothing changes')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client, assert }, { role }) => {
      const caller = await member(role)
      const poster = await funded('300')
      const bounty = await postBounty(poster)

      const list = await client.get('/admin/bounties').loginAs(caller)
      const csv = await client.get('/admin/bounties/export.csv').loginAs(caller)
      const cancel = await client
        .post(`/admin/bounties/${bounty.id}/cancellation`)
        .withCsrfToken()
        .loginAs(caller)
        .redirects(0)
      const remove = await client
        .delete(`/admin/bounties/${bounty.id}`)
        .withCsrfToken()
        .loginAs(caller)
        .redirects(0)

      list.assertStatus(403)
      csv.assertStatus(403)
      // A refused form post goes back with the refusal, as every page form does.
      cancel.assertFlashMessage('error', 'Access denied')
      remove.assertFlashMessage('error', 'Access denied')
      const stored = await Bounty.findOrFail(bounty.id)
      assert.equal(stored.status, 'AVAILABLE')
      assert.isNull(stored.deletedAt)
      assert.deepEqual(await balancesOf(poster), { balance: '200.00', held: '100.00' })
    })
})
