import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import { verifyLedger } from '#ledger/verify'
import { UserFactory } from '#database/factories/user_factory'
import { bearerFor } from '#tests/functional/api/support'
import { balancesOf, fund, truncateEachTest } from '#tests/helpers/ledger'
import { withoutMemberBudgets } from '#tests/helpers/limits'

/*
 * Dozens of requests in flight at once over real HTTP, each a real database
 * transaction (no global test transaction here: it would serialise them).
 */

async function expectCleanLedger(assert: { isTrue(value: boolean, message?: string): void }) {
  const report = await verifyLedger()
  assert.isTrue(report.ok, JSON.stringify(report.problems))
  assert.isTrue(report.total.isZero())
}

function statuses(responses: { status(): number }[]) {
  const counts: Record<number, number> = {}
  for (const response of responses) counts[response.status()] = (counts[response.status()] ?? 0) + 1
  return counts
}

test.group('Wallet concurrency over HTTP', (group) => {
  truncateEachTest(group)
  withoutMemberBudgets(group)

  test('40 parallel withdrawals: exactly what the balance covers is held', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const authorization = await bearerFor(member)
    await fund(member, '100')

    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        client
          .post('/api/v1/wallet/withdraw')
          .header('authorization', authorization)
          .json({ amount: '7' })
      )
    )

    assert.deepEqual(statuses(responses), { 201: 14, 409: 26 })
    assert.deepEqual(await balancesOf(member), { balance: '2.00', held: '98.00' })
    await expectCleanLedger(assert)
  })

  test('one withdrawal approved by 20 parallel clicks is paid once', async ({ client, assert }) => {
    const [admin, otherAdmin] = await UserFactory.apply('admin').createMany(2)
    const member = await UserFactory.apply('verified').create()
    await fund(member, '50')
    const withdrawal = await RequestWithdrawal.handle(member, { amount: Money.parse('50') })
    const tokens = [await bearerFor(admin), await bearerFor(otherAdmin)]

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 3 === 0
          ? client
              .post(`/api/v1/admin/withdrawals/${withdrawal.id}/reject`)
              .header('authorization', tokens[index % 2])
              .json({ reason: 'Racing' })
          : client
              .post(`/api/v1/admin/withdrawals/${withdrawal.id}/approve`)
              .header('authorization', tokens[index % 2])
      )
    )

    assert.equal(responses.filter((response) => response.status() === 200).length, 1)
    assert.equal(responses.filter((response) => response.status() === 409).length, 19)
    const decided = await db.from('transactions').where('id', withdrawal.id).firstOrFail()
    const expected = decided.status === 'COMPLETED' ? '0.00' : '50.00'
    assert.deepEqual(await balancesOf(member), { balance: expected, held: '0.00' })
    const captures = await db.from('ledger_entries').whereIn('kind', ['CAPTURE', 'RELEASE'])
    assert.lengthOf(captures, 1)
    await expectCleanLedger(assert)
  })

  test('one Idempotency-Key sent 20 times at once moves money once', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()
    const authorization = await bearerFor(member)
    await fund(member, '100')
    const send = () =>
      client
        .post('/api/v1/wallet/withdraw')
        .header('authorization', authorization)
        .header('idempotency-key', 'payday')
        .json({ amount: '10' })

    const burst = await Promise.all(Array.from({ length: 20 }, send))
    const retry = await send()

    // The first claims the key; the others either replay it or are told to retry.
    assert.isAtLeast(burst.filter((response) => response.status() === 201).length, 1)
    assert.deepEqual(
      burst.filter((response) => ![201, 409].includes(response.status())),
      []
    )
    const created = burst.filter((response) => response.status() === 201)
    assert.lengthOf(new Set(created.map((response) => response.body().data.id)), 1)
    retry.assertStatus(201)
    assert.equal(retry.body().data.id, created[0].body().data.id)
    assert.deepEqual(await balancesOf(member), { balance: '90.00', held: '10.00' })
    await expectCleanLedger(assert)
  })

  test('60 tips in both directions between the same members, all at once', async ({
    client,
    assert,
  }) => {
    const [alice, bob, carol] = await UserFactory.apply('verified').createMany(3)
    const tokens = new Map([
      [alice.id, await bearerFor(alice)],
      [bob.id, await bearerFor(bob)],
      [carol.id, await bearerFor(carol)],
    ])
    for (const member of [alice, bob, carol]) await fund(member, '30')
    const pairs = [
      [alice, bob],
      [bob, alice],
      [bob, carol],
      [carol, bob],
      [carol, alice],
      [alice, carol],
    ]

    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, index) => {
        const [from, to] = pairs[index % pairs.length]
        return client
          .post('/api/v1/tips')
          .header('authorization', tokens.get(from.id)!)
          .json({ toUserId: to.id, amount: '0.35' })
      })
    )

    assert.deepEqual(statuses(responses), { 201: 60 })
    for (const member of [alice, bob, carol]) {
      assert.deepEqual(await balancesOf(member), { balance: '30.00', held: '0.00' })
    }
    const lines = await db.from('transactions').count('* as total')
    assert.equal(Number(lines[0].total), 120)
    await expectCleanLedger(assert)
  })

  test('a drained wallet under a storm of tips and withdrawals never goes negative', async ({
    client,
    assert,
  }) => {
    const [payer, payee] = await UserFactory.apply('verified').createMany(2)
    const authorization = await bearerFor(payer)
    await fund(payer, '50')

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        index % 2
          ? client
              .post('/api/v1/tips')
              .header('authorization', authorization)
              .json({ toUserId: payee.id, amount: '3' })
          : client
              .post('/api/v1/wallet/withdraw')
              .header('authorization', authorization)
              .json({ amount: '3' })
      )
    )

    assert.deepEqual(statuses(responses), { 201: 16, 409: 24 })
    const payerBalances = await balancesOf(payer)
    const payeeBalances = await balancesOf(payee)
    const total = Money.sum([
      Money.parse(payerBalances.balance),
      Money.parse(payerBalances.held),
      Money.parse(payeeBalances.balance),
    ])
    assert.equal(payerBalances.balance, '2.00')
    assert.equal(total.toString(), '50.00')
    await expectCleanLedger(assert)
  })
})
