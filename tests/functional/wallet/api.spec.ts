import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import '#tests/helpers/openapi'
import { randomUUID } from 'node:crypto'
import { teamOf } from '#tests/helpers/teams'
import Transaction from '#models/transaction'
import Money from '#ledger/money'
import SendTip from '#actions/wallet/send_tip'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import Idempotency from '#services/idempotency'
import { BountyFactory } from '#database/factories/bounty_factory'
import { UserFactory } from '#database/factories/user_factory'
import { verifyLedger } from '#ledger/verify'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { balancesOf, fund, truncateEachTest } from '#tests/helpers/ledger'

/**
 * An Idempotency-Key claimed for a POST whose process then died before
 * storing the response: the key stays "in progress".
 */
async function keyInProgress(user: { id: string }, key: string, path: string, body: object) {
  const claim = await Idempotency.claim(user.id, key, { method: 'POST', path, query: {}, body })
  if (claim.state !== 'claimed') throw new Error(`The key ${key} was not free`)
  return claim.id
}

test.group('API wallet balance and history', (group) => {
  isolateDatabase(group)

  test('GET /wallet/balance answers the available and held amounts', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '120.50')

    const response = await client
      .get('/api/v1/wallet/balance')
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.deepEqual(response.body().data, { balance: '120.50', held: '0.00' })
  })

  test('a member who never had money has a zero balance', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .get('/api/v1/wallet/balance')
      .header('authorization', authorization)
    response.assertStatus(200)
    assert.deepEqual(response.body().data, { balance: '0.00', held: '0.00' })
  })

  test('the wallet needs a token', async ({ client }) => {
    const response = await client.get('/api/v1/wallet/balance')
    response.assertStatus(401)
  })

  test('GET /wallet/transactions lists only the caller’s history, filtered and paginated', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const other = await UserFactory.apply('verified').create()
    await fund(other, '50')
    await client
      .post('/api/v1/tips')
      .header('authorization', await bearerFor(other))
      .json({ toUserId: user.id, amount: '10.00', message: 'thanks' })
    await fund(user, '5')
    await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', authorization)
      .json({ amount: '3' })

    const all = await client
      .get('/api/v1/wallet/transactions')
      .header('authorization', authorization)
    all.assertStatus(200)
    assert.deepEqual(
      all
        .body()
        .data.map((item: { type: string; status: string }) => `${item.type} ${item.status}`),
      ['WITHDRAWAL PENDING', 'EARN COMPLETED']
    )
    const [withdrawal, earned] = all.body().data
    assert.include(earned, {
      amount: '10.00',
      balanceBefore: '0.00',
      balanceAfter: '10.00',
      description: `Tip from @${other.username}: thanks`,
      bountyId: null,
    })
    assert.include(withdrawal, { amount: '3.00', balanceBefore: '15.00', balanceAfter: '12.00' })
    assert.deepEqual(all.body().meta.pagination, { page: 1, limit: 20, total: 2, totalPages: 1 })

    const earnings = await client
      .get('/api/v1/wallet/transactions')
      .qs({ type: 'EARN', status: 'COMPLETED', limit: 1, page: 1 })
      .header('authorization', authorization)
    assert.lengthOf(earnings.body().data, 1)
    assert.equal(earnings.body().data[0].type, 'EARN')
    assert.deepEqual(earnings.body().meta.pagination, {
      page: 1,
      limit: 1,
      total: 1,
      totalPages: 1,
    })
  })

  test('history filters by date range and refuses unknown filter values', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '10')
    await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', authorization)
      .json({ amount: 1 })
    await db
      .from('transactions')
      .where('user_id', user.id)
      .update({ created_at: '2025-03-10T12:00:00Z' })

    const inRange = await client
      .get('/api/v1/wallet/transactions')
      .qs({ from: '2025-03-10', to: '2025-03-10' })
      .header('authorization', authorization)
    const outOfRange = await client
      .get('/api/v1/wallet/transactions')
      .qs({ from: '2025-03-11' })
      .header('authorization', authorization)
    const invalid = await client
      .get('/api/v1/wallet/transactions')
      .qs({ type: 'BRIBE', limit: 1000 })
      .header('authorization', authorization)

    assert.lengthOf(inRange.body().data, 1)
    assert.lengthOf(outOfRange.body().data, 0)
    invalid.assertStatus(422)
    assert.sameMembers(
      invalid.body().error.details.map((detail: { field: string }) => detail.field),
      ['type', 'limit']
    )
  })
})

test.group('API withdrawals', (group) => {
  isolateDatabase(group)

  test('POST /wallet/withdraw holds the amount and answers 201 with a PENDING withdrawal', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '100')

    const response = await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', authorization)
      .json({ amount: '40.25' })

    response.assertStatus(201)
    assert.include(response.body().data, {
      type: 'WITHDRAWAL',
      status: 'PENDING',
      amount: '40.25',
      balanceBefore: '100.00',
      balanceAfter: '59.75',
    })
    assert.deepEqual(await balancesOf(user), { balance: '59.75', held: '40.25' })
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
  })

  test('accepts a number with two decimals and refuses malformed amounts', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '2000000')
    const send = (amount: unknown) =>
      client.post('/api/v1/wallet/withdraw').header('authorization', authorization).json({ amount })

    const ok = await send(12.5)
    ok.assertStatus(201)
    assert.equal(ok.body().data.amount, '12.50')

    for (const amount of [0, -5, '1.234', 0.1 + 0.2, '1e3', '1000000.01', 'ten', null, true, [1]]) {
      const refused = await send(amount)
      refused.assertStatus(422)
      assert.equal(refused.body().error.details[0].field, 'amount', String(amount))
    }
    const max = await send('1000000')
    max.assertStatus(201)
    assert.deepEqual(await balancesOf(user), { balance: '999987.50', held: '1000012.50' })
  })

  test('more than the available balance answers 409 INSUFFICIENT_FUNDS and holds nothing', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '10')

    const response = await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', authorization)
      .json({ amount: '10.01' })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INSUFFICIENT_FUNDS')
    assert.deepEqual(await balancesOf(user), { balance: '10.00', held: '0.00' })
    assert.isNull(await Transaction.query().where('user_id', user.id).first())
  })

  test('held money cannot be spent twice', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '10')
    const withdraw = () =>
      client
        .post('/api/v1/wallet/withdraw')
        .header('authorization', authorization)
        .json({ amount: 6 })

    const first = await withdraw()
    const second = await withdraw()

    first.assertStatus(201)
    second.assertStatus(409)
    assert.equal(second.body().error.code, 'INSUFFICIENT_FUNDS')
    assert.deepEqual(await balancesOf(user), { balance: '4.00', held: '6.00' })
  })

  test('an unverified member cannot withdraw (403)', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await fund(user, '10')

    const response = await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', await bearerFor(user))
      .json({ amount: 5 })

    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
    assert.deepEqual(await balancesOf(user), { balance: '10.00', held: '0.00' })
  })

  test('a personal token without the wallet ability cannot withdraw', async ({ client }) => {
    const { user } = await memberWithToken()
    await fund(user, '10')
    const response = await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', await bearerFor(user, ['read']))
      .json({ amount: 5 })
    response.assertStatus(403)
  })

  test('the same Idempotency-Key replays the withdrawal instead of holding twice', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '100')
    const send = (amount: string) =>
      client
        .post('/api/v1/wallet/withdraw')
        .header('authorization', authorization)
        .header('idempotency-key', 'withdraw-2026-01')
        .json({ amount })

    const first = await send('30')
    const replay = await send('30')
    const reused = await send('31')

    first.assertStatus(201)
    replay.assertStatus(201)
    assert.deepEqual(replay.body().data, first.body().data)
    assert.equal(replay.header('idempotent-replayed'), 'true')
    reused.assertStatus(422)
    assert.equal(reused.body().error.code, 'IDEMPOTENCY_KEY_REUSED')
    assert.deepEqual(await balancesOf(user), { balance: '70.00', held: '30.00' })
  })

  test('a retry after a crash that lost the stored answer gets the withdrawal that was held, not a second hold', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '100')
    // The first attempt claimed the key and committed its hold, then the
    // process died before the response was stored: the key is in progress.
    const claimId = await keyInProgress(user, 'payout-after-crash', '/api/v1/wallet/withdraw', {
      amount: '40',
    })
    const committed = await RequestWithdrawal.handle(
      user,
      { amount: Money.parse('40') },
      { claimId }
    )

    const retry = await client
      .post('/api/v1/wallet/withdraw')
      .header('authorization', authorization)
      .header('idempotency-key', 'payout-after-crash')
      .json({ amount: '40' })

    retry.assertStatus(201)
    assert.equal(retry.body().data.id, committed.id)
    assert.deepEqual(await balancesOf(user), { balance: '60.00', held: '40.00' })
    assert.lengthOf(
      await Transaction.query().where('user_id', user.id).where('type', 'WITHDRAWAL'),
      1
    )
  })
})

test.group('API tips', (group) => {
  // A tip is one statement committed on its own, refusals included: each
  // test commits for real, on tables emptied before it.
  truncateEachTest(group)

  test('POST /tips moves money to another member by id or username', async ({ client, assert }) => {
    const { user: sender, authorization } = await memberWithToken()
    const receiver = await UserFactory.apply('verified').create()
    await fund(sender, '20')

    const byId = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: receiver.id, amount: '2.50', message: 'great review' })
    const byName = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUsername: receiver.username.toUpperCase(), amount: 1 })

    byId.assertStatus(201)
    assert.include(byId.body().data, {
      amount: '2.50',
      message: 'great review',
      balanceAfter: '17.50',
    })
    assert.deepEqual(byId.body().data.recipient, { id: receiver.id, username: receiver.username })
    byName.assertStatus(201)
    assert.deepEqual(await balancesOf(sender), { balance: '16.50', held: '0.00' })
    assert.deepEqual(await balancesOf(receiver), { balance: '3.50', held: '0.00' })

    const received = await Transaction.query().where('user_id', receiver.id).orderBy('created_at')
    assert.deepEqual(
      received.map((line) => [line.type, line.status, line.amount.toString()]),
      [
        ['EARN', 'COMPLETED', '2.50'],
        ['EARN', 'COMPLETED', '1.00'],
      ]
    )
    const sent = await Transaction.query().where('user_id', sender.id).orderBy('created_at')
    assert.deepEqual(
      sent.map((line) => [line.type, line.description]),
      [
        ['SPEND', `Tip to @${receiver.username}: great review`],
        ['SPEND', `Tip to @${receiver.username}`],
      ]
    )
    const audited = await db
      .from('audit_logs')
      .where({ actor_id: sender.id, action: 'wallet.tip' })
      .orderBy('created_at')
    assert.deepEqual(
      audited.map((entry) => [entry.subject_type, entry.subject_id, entry.data.amount]),
      [
        ['user', receiver.id, '2.50'],
        ['user', receiver.id, '1.00'],
      ]
    )
    assert.equal(audited[0].data.transactionId, byId.body().data.id)
    assert.isNotNull(audited[0].ip)
  })

  test('a tip for a bounty is linked to it on both histories and in the notice', async ({
    client,
    assert,
  }) => {
    const { user: sender, authorization } = await memberWithToken()
    const receiver = await UserFactory.apply('verified').create()
    const bounty = await BountyFactory.apply('available').create()
    await fund(sender, '10')

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: receiver.id, amount: '4', bountyId: bounty.id })

    response.assertStatus(201)
    assert.equal(response.body().data.bountyId, bounty.id)
    const lines = await Transaction.query()
      .whereIn('user_id', [sender.id, receiver.id])
      .orderBy('type')
    assert.deepEqual(
      lines.map((line) => [line.type, line.bountyId, line.description]),
      [
        ['EARN', bounty.id, `Tip from @${sender.username} for “${bounty.title}”`],
        ['SPEND', bounty.id, `Tip to @${receiver.username} for “${bounty.title}”`],
      ]
    )
    const notice = await db.from('notifications').where('user_id', receiver.id).firstOrFail()
    assert.include(notice.title, `for “${bounty.title}”`)
    assert.equal(notice.data.bountyId, bounty.id)
    assert.deepEqual(await balancesOf(receiver), { balance: '4.00', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok)
  })

  test('a tip for a bounty nobody may see, a draft or no bounty is refused on bountyId', async ({
    client,
    assert,
  }) => {
    const { user: sender, authorization } = await memberWithToken()
    const receiver = await UserFactory.apply('verified').create()
    const draft = await BountyFactory.apply('draft').create()
    const teamOnly = await BountyFactory.apply('available').create()
    const team = await teamOf([await UserFactory.apply('verified').create()])
    await db.from('bounties').where('id', teamOnly.id).update({ team_id: team.id })
    await fund(sender, '10')

    for (const bountyId of [draft.id, teamOnly.id, randomUUID(), 'not-a-uuid']) {
      const response = await client
        .post('/api/v1/tips')
        .header('authorization', authorization)
        .json({ toUserId: receiver.id, amount: '1', bountyId })
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, 'bountyId')
    }
    assert.deepEqual(await balancesOf(sender), { balance: '10.00', held: '0.00' })
    assert.lengthOf(await Transaction.query().where('user_id', receiver.id), 0)
  })

  test('tipping yourself is refused and nothing moves', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '20')

    const byId = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: user.id, amount: 1 })
    const byName = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUsername: user.username, amount: 1 })

    byId.assertStatus(422)
    assert.equal(byId.body().error.details[0].message, 'You cannot tip yourself')
    byName.assertStatus(422)
    assert.deepEqual(await balancesOf(user), { balance: '20.00', held: '0.00' })
  })

  test('an unknown, deleted or deactivated recipient cannot be tipped', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '20')
    const deleted = await UserFactory.apply('deleted').create()
    const inactive = await UserFactory.apply('inactive').create()
    const tip = (body: object) =>
      client
        .post('/api/v1/tips')
        .header('authorization', authorization)
        .json({ amount: 1, ...body })

    const responses = [
      await tip({ toUsername: 'nobody_here' }),
      await tip({ toUsername: deleted.username }),
      await tip({ toUserId: '00000000-0000-4000-8000-000000000000' }),
      await tip({ toUserId: deleted.id }),
      await tip({ toUserId: inactive.id }),
      await tip({}),
    ]

    assert.deepEqual(
      responses.map((response) => response.status()),
      [422, 422, 404, 403, 403, 422]
    )
    assert.deepEqual(await balancesOf(user), { balance: '20.00', held: '0.00' })
  })

  test('a member deactivated or deleted after receiving money cannot be tipped again', async ({
    client,
    assert,
  }) => {
    // Their wallets exist, so only the tip statement's own check stops it.
    const { user, authorization } = await memberWithToken()
    await fund(user, '20')
    const [leaving, removed] = await UserFactory.apply('verified').createMany(2)
    await fund(leaving, '1')
    await fund(removed, '1')
    leaving.isActive = false
    await leaving.save()
    await removed.merge({ deletedAt: DateTime.now() }).save()
    const linesBefore = await db.from('transactions').count('* as total')

    for (const recipient of [leaving, removed]) {
      const response = await client
        .post('/api/v1/tips')
        .header('authorization', authorization)
        .json({ toUserId: recipient.id, amount: '5' })
      response.assertStatus(403)
      assert.equal(response.body().error.message, 'This member cannot receive tips')
      assert.deepEqual(await balancesOf(recipient), { balance: '1.00', held: '0.00' })
    }
    assert.deepEqual(await balancesOf(user), { balance: '20.00', held: '0.00' })
    assert.deepEqual(await db.from('transactions').count('* as total'), linesBefore)
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
  })

  test('a tip larger than the balance answers 409 INSUFFICIENT_FUNDS', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const receiver = await UserFactory.create()
    await fund(user, '1')

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: receiver.id, amount: '1.01' })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INSUFFICIENT_FUNDS')
    assert.deepEqual(await balancesOf(receiver), { balance: '0.00', held: '0.00' })
    assert.deepEqual(await balancesOf(user), { balance: '1.00', held: '0.00' })
    // Neither history line nor the notice was written without the entry.
    const receiverLines = await Transaction.query().where('user_id', receiver.id)
    const senderSpends = await Transaction.query().where('user_id', user.id).where('type', 'SPEND')
    const notices = await db.from('notifications').where('user_id', receiver.id)
    assert.lengthOf(receiverLines, 0)
    assert.lengthOf(senderSpends, 0)
    assert.lengthOf(await db.from('audit_logs').where('action', 'wallet.tip'), 0)
    assert.lengthOf(notices, 0)
  })

  test('a retry after a crash that lost the stored answer gets the tip that moved, not a second one', async ({
    client,
    assert,
  }) => {
    const { user: sender, authorization } = await memberWithToken()
    const receiver = await UserFactory.create()
    await fund(sender, '50')
    const body = { toUserId: receiver.id, amount: '12.00' }
    // The first attempt claimed the key and committed its tip, then the
    // process died before the response was stored: the key is in progress.
    const claimId = await keyInProgress(sender, 'tip-after-crash', '/api/v1/tips', body)
    const committed = await SendTip.handle(
      sender,
      { to: { toUserId: receiver.id }, amount: Money.parse('12.00') },
      { claimId }
    )

    const send = () =>
      client
        .post('/api/v1/tips')
        .header('authorization', authorization)
        .header('idempotency-key', 'tip-after-crash')
        .json(body)
    const retry = await send()
    const again = await send()

    retry.assertStatus(201)
    assert.equal(retry.body().data.id, committed.id)
    assert.equal(retry.body().data.balanceAfter, '38.00')
    // Its answer is stored now: the next retry is a plain replay.
    again.assertStatus(201)
    assert.equal(again.header('idempotent-replayed'), 'true')
    assert.deepEqual(again.body(), retry.body())
    assert.deepEqual(await balancesOf(sender), { balance: '38.00', held: '0.00' })
    assert.deepEqual(await balancesOf(receiver), { balance: '12.00', held: '0.00' })
    assert.lengthOf(await Transaction.query().where('user_id', receiver.id), 1)
    assert.lengthOf(await db.from('notifications').where('user_id', receiver.id), 1)
  })

  test('a retry of a key whose first attempt moved nothing before the crash sends the tip once', async ({
    client,
    assert,
  }) => {
    const { user: sender, authorization } = await memberWithToken()
    const receiver = await UserFactory.create()
    await fund(sender, '50')
    const body = { toUserId: receiver.id, amount: '5.00' }
    await keyInProgress(sender, 'died-early', '/api/v1/tips', body)

    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post('/api/v1/tips')
          .header('authorization', authorization)
          .header('idempotency-key', 'died-early')
          .json(body)
      )
    )

    // All five resume the key; the claim's lock lets one move the money and
    // the others find it as the key's outcome.
    assert.deepEqual(
      retries.map((response) => response.status()),
      [201, 201, 201, 201, 201]
    )
    assert.lengthOf(new Set(retries.map((response) => response.body().data.id)), 1)
    assert.deepEqual(await balancesOf(sender), { balance: '45.00', held: '0.00' })
    assert.deepEqual(await balancesOf(receiver), { balance: '5.00', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
  })

  test('an unverified member cannot tip', async ({ client, assert }) => {
    const sender = await UserFactory.create()
    const receiver = await UserFactory.create()
    await fund(sender, '5')
    const response = await client
      .post('/api/v1/tips')
      .header('authorization', await bearerFor(sender))
      .json({ toUserId: receiver.id, amount: 1 })
    response.assertStatus(403)
    assert.deepEqual(await balancesOf(sender), { balance: '5.00', held: '0.00' })
  })
})
