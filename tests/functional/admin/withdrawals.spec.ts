import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import '#tests/helpers/openapi'
import AuditLog from '#models/audit_log'
import Transaction from '#models/transaction'
import type User from '#models/user'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import Money from '#ledger/money'
import { UserFactory } from '#database/factories/user_factory'
import { verifyLedger } from '#ledger/verify'
import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { balancesOf, fund } from '#tests/helpers/ledger'

async function pendingWithdrawal(amount = '40', funded = '100') {
  const member = await UserFactory.apply('verified').create()
  await fund(member, funded)
  const withdrawal = await RequestWithdrawal.handle(member, { amount: Money.parse(amount) })
  return { member, withdrawal }
}

const approve = (id: string) => `/api/v1/admin/withdrawals/${id}/approve`
const reject = (id: string) => `/api/v1/admin/withdrawals/${id}/reject`

test.group('Admin withdrawals (API)', (group) => {
  isolateDatabase(group)

  let admin: User
  let authorization: string
  group.each.setup(async () => {
    admin = await UserFactory.apply('admin').create()
    authorization = await bearerFor(admin)
  })

  test('GET /admin/withdrawals lists requests by status, oldest pending first', async ({
    client,
    assert,
  }) => {
    const first = await pendingWithdrawal('10')
    const second = await pendingWithdrawal('20')
    const decided = await pendingWithdrawal('5')
    await client.post(approve(decided.withdrawal.id)).header('authorization', authorization)

    const pending = await client
      .get('/api/v1/admin/withdrawals')
      .qs({ status: 'PENDING' })
      .header('authorization', authorization)
    const all = await client.get('/api/v1/admin/withdrawals').header('authorization', authorization)

    pending.assertStatus(200)
    assert.deepEqual(
      pending.body().data.map((item: { id: string }) => item.id),
      [first.withdrawal.id, second.withdrawal.id]
    )
    assert.deepEqual(pending.body().data[0].user, {
      id: first.member.id,
      username: first.member.username,
    })
    assert.equal(all.body().meta.pagination.total, 3)
    assert.deepEqual(all.body().data[0].reviewedBy, { id: admin.id, username: admin.username })
  })

  test('approving pays the held amount out and completes the request', async ({
    client,
    assert,
  }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')

    const response = await client
      .post(approve(withdrawal.id))
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.include(response.body().data, { status: 'COMPLETED', amount: '40.00' })
    assert.deepEqual(await balancesOf(member), { balance: '60.00', held: '0.00' })
    const audit = await AuditLog.query().where('action', 'withdrawal.approve').firstOrFail()
    assert.equal(audit.subjectId, withdrawal.id)
    assert.equal(audit.actorId, admin.id)
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
    assert.equal(report.balancesByKind.TREASURY.toString(), '-60.00')
  })

  test('rejecting returns the funds and keeps the reason', async ({ client, assert }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')

    const response = await client
      .post(reject(withdrawal.id))
      .header('authorization', authorization)
      .json({ reason: 'Bank details missing' })

    response.assertStatus(200)
    assert.include(response.body().data, {
      status: 'FAILED',
      failureReason: 'Bank details missing',
    })
    assert.deepEqual(await balancesOf(member), { balance: '100.00', held: '0.00' })
    const memberView = await client
      .get('/api/v1/wallet/transactions')
      .header('authorization', await bearerFor(member))
    assert.include(memberView.body().data[0], {
      status: 'FAILED',
      failureReason: 'Bank details missing',
    })
    const audit = await AuditLog.query().where('action', 'withdrawal.reject').firstOrFail()
    assert.equal(audit.data.reason, 'Bank details missing')
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
  })

  test('a rejection needs a reason', async ({ client, assert }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')
    const response = await client
      .post(reject(withdrawal.id))
      .header('authorization', authorization)
      .json({})
    response.assertStatus(422)
    assert.deepEqual(await balancesOf(member), { balance: '60.00', held: '40.00' })
  })

  test('a decided withdrawal cannot be decided again (409 INVALID_TRANSITION)', async ({
    client,
    assert,
  }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')
    await client.post(approve(withdrawal.id)).header('authorization', authorization)

    const again = await client.post(approve(withdrawal.id)).header('authorization', authorization)
    const rejectAfter = await client
      .post(reject(withdrawal.id))
      .header('authorization', authorization)
      .json({ reason: 'Too late' })

    again.assertStatus(409)
    assert.equal(again.body().error.code, 'INVALID_TRANSITION')
    rejectAfter.assertStatus(409)
    assert.deepEqual(await balancesOf(member), { balance: '60.00', held: '0.00' })
  })

  test('members cannot list or decide withdrawals (403)', async ({ client, assert }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')
    const memberAuth = await bearerFor(member)

    const list = await client.get('/api/v1/admin/withdrawals').header('authorization', memberAuth)
    const approval = await client.post(approve(withdrawal.id)).header('authorization', memberAuth)
    const rejection = await client
      .post(reject(withdrawal.id))
      .header('authorization', memberAuth)
      .json({ reason: 'I changed my mind' })

    list.assertStatus(403)
    approval.assertStatus(403)
    rejection.assertStatus(403)
    assert.deepEqual(await balancesOf(member), { balance: '60.00', held: '40.00' })
    const line = await Transaction.findOrFail(withdrawal.id)
    assert.equal(line.status, 'PENDING')
  })

  test('a leader cannot decide their own withdrawal', async ({ client, assert }) => {
    await fund(admin, '50')
    const own = await RequestWithdrawal.handle(admin, { amount: Money.parse('50') })

    const response = await client.post(approve(own.id)).header('authorization', authorization)

    response.assertStatus(403)
    assert.deepEqual(await balancesOf(admin), { balance: '0.00', held: '50.00' })
  })

  test('an unknown withdrawal answers 404', async ({ client }) => {
    const response = await client
      .post(approve('00000000-0000-4000-8000-000000000000'))
      .header('authorization', authorization)
    response.assertStatus(404)
  })
})

test.group('Admin withdrawals and treasury (pages)', (group) => {
  isolateDatabase(group)

  test('the treasury page shows totals, the ledger check and the queue', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { member } = await pendingWithdrawal('40', '100')
    await RunLedgerVerification.handle({ source: 'command' })

    const response = await client.get('/admin/treasury').loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('Every balance matched its postings')
    response.assertTextIncludes(`@${member.username}`)
    response.assertTextIncludes('40.00')
    assert.include(response.text(), '−100.00')
    // The ledger explorer shows the hold: out of the wallet, into pending withdrawals.
    response.assertTextIncludes(`Withdrawal requested by @${member.username}`)
    response.assertTextIncludes('Pending withdrawals')
  })

  test('the treasury page shows a failed ledger check', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const { member } = await pendingWithdrawal('40', '100')
    await db.rawQuery(`SELECT set_config('ledger.applying', 'on', true)`)
    await db.rawQuery(`UPDATE ledger_accounts SET balance = balance + 5 WHERE user_id = ?`, [
      member.id,
    ])
    await RunLedgerVerification.handle({ source: 'command' })

    const response = await client.get('/admin/treasury').loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('1 problem found')
    response.assertTextIncludes('cached_balance')
  })

  test('members cannot see the treasury or the withdrawals list (403)', async ({ client }) => {
    const member = await UserFactory.apply('verified').create()
    const treasury = await client.get('/admin/treasury').loginAs(member)
    const withdrawals = await client.get('/admin/withdrawals').loginAs(member)
    treasury.assertStatus(403)
    withdrawals.assertStatus(403)
  })

  test('approve and reject from the page', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const approved = await pendingWithdrawal('10', '10')
    const rejected = await pendingWithdrawal('20', '20')

    const approval = await client
      .post(`/admin/withdrawals/${approved.withdrawal.id}/approval`)
      .withCsrfToken()
      .loginAs(admin)
      .header('referer', '/admin/treasury')
      .redirects(0)
    const rejection = await client
      .post(`/admin/withdrawals/${rejected.withdrawal.id}/rejection`)
      .form({ reason: 'Duplicate request', withdrawalId: rejected.withdrawal.id })
      .withCsrfToken()
      .loginAs(admin)
      .header('referer', '/admin/treasury')
      .redirects(0)

    approval.assertStatus(302)
    approval.assertFlashMessage('success', 'Withdrawal of 10.00 approved and paid out.')
    rejection.assertStatus(302)
    assert.deepEqual(await balancesOf(approved.member), { balance: '0.00', held: '0.00' })
    assert.deepEqual(await balancesOf(rejected.member), { balance: '20.00', held: '0.00' })
  })

  test('a member’s forged decision is refused and nothing moves', async ({ client, assert }) => {
    const { member, withdrawal } = await pendingWithdrawal('40')

    const response = await client
      .post(`/admin/withdrawals/${withdrawal.id}/approval`)
      .withCsrfToken()
      .loginAs(member)
      .redirects(0)

    response.assertFlashMessage('error', 'Access denied')
    assert.deepEqual(await balancesOf(member), { balance: '60.00', held: '40.00' })
  })

  test('the withdrawals page filters by status', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const { member } = await pendingWithdrawal('7')

    const pending = await client.get('/admin/withdrawals?status=PENDING').loginAs(admin)
    const approved = await client.get('/admin/withdrawals?status=COMPLETED').loginAs(admin)

    pending.assertTextIncludes(`@${member.username}`)
    approved.assertTextIncludes('No withdrawals here.')
  })
})
