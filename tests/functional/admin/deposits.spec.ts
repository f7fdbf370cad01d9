import { test } from '@japa/runner'
import '#tests/helpers/openapi'
import AuditLog from '#models/audit_log'
import Transaction from '#models/transaction'
import { UserFactory } from '#database/factories/user_factory'
import { verifyLedger } from '#ledger/verify'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { balancesOf, fund } from '#tests/helpers/ledger'

test.group('Admin deposits (API)', (group) => {
  isolateDatabase(group)

  test('a leader credits a member from the treasury, audited with their IP', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()

    const response = await client
      .post('/api/v1/admin/deposits')
      .header('authorization', await bearerFor(admin))
      .header('x-forwarded-for', '203.0.113.7')
      .json({ userId: member.id, amount: '150', description: 'Q3 bonus' })

    response.assertStatus(201)
    assert.include(response.body().data, {
      type: 'DEPOSIT',
      status: 'COMPLETED',
      amount: '150.00',
      description: 'Q3 bonus',
    })
    assert.deepEqual(response.body().data.user, { id: member.id, username: member.username })
    assert.deepEqual(await balancesOf(member), { balance: '150.00', held: '0.00' })

    const line = await Transaction.query().where('user_id', member.id).firstOrFail()
    assert.equal(line.balanceBefore.toString(), '0.00')
    assert.equal(line.balanceAfter.toString(), '150.00')

    const audit = await AuditLog.query().where('action', 'treasury.deposit').firstOrFail()
    assert.equal(audit.actorId, admin.id)
    assert.equal(audit.subjectId, member.id)
    assert.equal(audit.ip, '203.0.113.7')
    assert.deepEqual(audit.data, {
      transactionId: line.id,
      amount: '150.00',
      description: 'Q3 bonus',
    })
    const report = await verifyLedger()
    assert.isTrue(report.ok)
    assert.equal(report.balancesByKind.TREASURY.toString(), '-150.00')
  })

  test('a member cannot deposit (403) and nothing moves', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .post('/api/v1/admin/deposits')
      .header('authorization', authorization)
      .json({ userId: user.id, amount: '1000', description: 'free money' })

    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
    assert.deepEqual(await balancesOf(user), { balance: '0.00', held: '0.00' })
    assert.isNull(await AuditLog.query().first())
  })

  test('deposits validate the member, the amount and the description', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const deleted = await UserFactory.apply('deleted').create()
    const authorization = await bearerFor(admin)
    const post = (body: object) =>
      client.post('/api/v1/admin/deposits').header('authorization', authorization).json(body)

    const unknown = await post({
      userId: '00000000-0000-4000-8000-000000000000',
      amount: 5,
      description: 'x',
    })
    const gone = await post({ userId: deleted.id, amount: 5, description: 'Grant' })
    const badAmount = await post({ userId: admin.id, amount: '5.555', description: 'Grant' })

    unknown.assertStatus(422)
    assert.sameMembers(
      unknown.body().error.details.map((detail: { field: string }) => detail.field),
      ['userId', 'description']
    )
    gone.assertStatus(422)
    badAmount.assertStatus(422)
    assert.equal(badAmount.body().error.details[0].field, 'amount')
  })

  test('an Idempotency-Key retry credits once', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const authorization = await bearerFor(admin)
    const send = () =>
      client
        .post('/api/v1/admin/deposits')
        .header('authorization', authorization)
        .header('idempotency-key', 'grant-42')
        .json({ userId: member.id, amount: '10.00', description: 'Grant' })

    const first = await send()
    const retry = await send()

    first.assertStatus(201)
    retry.assertStatus(201)
    assert.equal(retry.body().data.id, first.body().data.id)
    assert.deepEqual(await balancesOf(member), { balance: '10.00', held: '0.00' })
  })
})

test.group('Admin deposits (page)', (group) => {
  isolateDatabase(group)

  test('the treasury page credits a member by username', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()

    const response = await client
      .post('/admin/deposits')
      .form({ username: member.username.toUpperCase(), amount: '12.34', description: 'Prize' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/treasury')
    response.assertFlashMessage('success', `12.34 credited to @${member.username}.`)
    assert.deepEqual(await balancesOf(member), { balance: '12.34', held: '0.00' })
  })

  test('the treasury page charts the money in circulation over 30 days', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await client.get('/admin/treasury').loginAs(admin)
    before.assertStatus(200)
    before.assertTextIncludes('The treasury has issued nothing in the last 30 days.')

    const member = await UserFactory.create()
    await fund(member, '1250.00')
    const after = await client.get('/admin/treasury').loginAs(admin)
    after.assertStatus(200)
    const html = after.text()
    assert.include(html, 'In circulation, last 30 days')
    assert.match(html, /From 0\.00 on [A-Z][a-z]{2} \d+ to 1,250\.00 on/)
    assert.notInclude(html, 'The treasury has issued nothing')
  })

  test('a member’s forged deposit form is refused and nothing moves', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()

    const response = await client
      .post('/admin/deposits')
      .form({ username: member.username, amount: '999', description: 'Free money' })
      .withCsrfToken()
      .loginAs(member)
      .redirects(0)

    assert.notEqual(response.status(), 200)
    assert.notEqual(response.header('location'), '/admin/treasury')
    response.assertFlashMessage('error', 'Access denied')
    assert.deepEqual(await balancesOf(member), { balance: '0.00', held: '0.00' })
  })
})
