import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import { verifyLedger } from '#ledger/verify'
import { DomainError } from '#exceptions/domain_error'
import LedgerVerify from '#commands/ledger_verify'
import Transaction from '#models/transaction'
import { UserFactory } from '#database/factories/user_factory'
import { balancesOf, fund, truncateEachTest } from '#tests/helpers/ledger'

const money = (value: string) => Money.parse(value)

async function walletId(userId: string) {
  const account = await Ledger.openAccount(accounts.wallet(userId))
  return account.id
}

async function treasuryId() {
  const account = await Ledger.openAccount(accounts.treasury)
  return account.id
}

test.group('Ledger engine', (group) => {
  truncateEachTest(group)

  test('a transfer moves exact amounts and keeps the ledger balanced', async ({ assert }) => {
    const [alice, bob] = await UserFactory.createMany(2)
    await fund(alice, '100.10')

    const movement = await Ledger.transaction((trx) =>
      Ledger.transfer(trx, {
        from: accounts.wallet(alice.id),
        to: accounts.wallet(bob.id),
        amount: money('0.30'),
        description: 'test',
      })
    )

    assert.equal(movement.balanceBefore(accounts.wallet(alice.id)).toString(), '100.10')
    assert.equal(movement.balanceAfter(accounts.wallet(alice.id)).toString(), '99.80')
    assert.equal(movement.balanceBefore(accounts.wallet(bob.id)).toString(), '0.00')
    assert.equal(movement.balanceAfter(accounts.wallet(bob.id)).toString(), '0.30')
    assert.deepEqual(await balancesOf(alice), { balance: '99.80', held: '0.00' })
    assert.deepEqual(await balancesOf(bob), { balance: '0.30', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
    assert.equal(report.balancesByKind.TREASURY.toString(), '-100.10')
    assert.equal(report.total.toString(), '0.00')
  })

  test('overspending is refused with INSUFFICIENT_FUNDS and nothing moves', async ({ assert }) => {
    const [alice, bob] = await UserFactory.createMany(2)
    await fund(alice, '10')

    const attempt = Ledger.transaction((trx) =>
      Ledger.transfer(trx, {
        from: accounts.wallet(alice.id),
        to: accounts.wallet(bob.id),
        amount: money('10.01'),
        description: 'too much',
      })
    )

    await assert.rejects(() => attempt, DomainError)
    await attempt.catch((error) => assert.equal(error.code, 'INSUFFICIENT_FUNDS'))
    assert.deepEqual(await balancesOf(alice), { balance: '10.00', held: '0.00' })
    assert.deepEqual(await balancesOf(bob), { balance: '0.00', held: '0.00' })
    const entries = await db.from('ledger_entries').count('* as total')
    assert.equal(Number(entries[0].total), 1)
  })

  test('a verb called in a statement of its own commits with what is written beside it, and opens a new wallet', async ({
    assert,
  }) => {
    const [alice, bob] = await UserFactory.createMany(2)
    await fund(alice, '20.00')

    const rows = await Ledger.statement<{
      user_id: string
      balance_before: string
      balance_after: string
      entry_id: string
    }>(
      `WITH movement AS MATERIALIZED (
         SELECT * FROM ledger_transfer(ledger_wallet(:from::uuid), ledger_wallet(:to::uuid), 7.25, 'one statement')
       ),
       beside AS (
         INSERT INTO transactions (id, user_id, entry_id, type, status, amount, balance_before, balance_after, description)
         SELECT gen_random_uuid(), user_id, entry_id, 'EARN', 'COMPLETED', 7.25, balance_before, balance_after, 'beside'
           FROM movement WHERE user_id = :to::uuid
         RETURNING user_id
       )
       SELECT movement.user_id, balance_before, balance_after, entry_id FROM movement
        WHERE EXISTS (SELECT FROM beside)`,
      { from: alice.id, to: bob.id }
    )

    const byUser = new Map(rows.map((row) => [row.user_id, row]))
    assert.deepInclude(byUser.get(alice.id), { balance_before: '20.00', balance_after: '12.75' })
    assert.deepInclude(byUser.get(bob.id), { balance_before: '0.00', balance_after: '7.25' })
    assert.equal(byUser.get(alice.id)!.entry_id, byUser.get(bob.id)!.entry_id)
    const line = await Transaction.findByOrFail('user_id', bob.id)
    assert.equal(String(line.entryId), String(byUser.get(bob.id)!.entry_id))
    assert.equal(line.balanceAfter.toString(), '7.25')
    assert.deepEqual(await balancesOf(alice), { balance: '12.75', held: '0.00' })
    assert.deepEqual(await balancesOf(bob), { balance: '7.25', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
  })

  test('a refusal inside a statement of its own rolls back what was written beside it', async ({
    assert,
  }) => {
    const [alice, bob] = await UserFactory.createMany(2)
    await fund(alice, '5.00')
    await Ledger.openAccount(accounts.wallet(bob.id))
    const entriesBefore = await db.from('ledger_entries').count('* as total')
    const linesBefore = await db.from('transactions').count('* as total')

    const attempt = Ledger.statement(
      `WITH beside AS (
         INSERT INTO transactions (id, user_id, entry_id, type, status, amount, balance_before, balance_after, description)
         SELECT gen_random_uuid(), :to::uuid, (SELECT max(id) FROM ledger_entries), 'EARN', 'COMPLETED', 5.01, 0, 5.01, 'never'
         RETURNING id
       )
       SELECT * FROM ledger_transfer(ledger_wallet(:from::uuid), ledger_wallet(:to::uuid), 5.01, 'too much'), beside`,
      { from: alice.id, to: bob.id }
    )

    await assert.rejects(() => attempt, DomainError)
    await attempt.catch((error) => {
      assert.equal(error.code, 'INSUFFICIENT_FUNDS')
      assert.equal(error.message, 'Insufficient funds: 5.01 needed, 5.00 available')
    })
    assert.deepEqual(await balancesOf(alice), { balance: '5.00', held: '0.00' })
    assert.deepEqual(await balancesOf(bob), { balance: '0.00', held: '0.00' })
    const entriesAfter = await db.from('ledger_entries').count('* as total')
    const linesAfter = await db.from('transactions').count('* as total')
    assert.equal(entriesAfter[0].total, entriesBefore[0].total)
    assert.equal(linesAfter[0].total, linesBefore[0].total)
  })

  test('a statement binds its named parameters, the same way on every call', async ({ assert }) => {
    const sql = `SELECT :a::int + :b::int AS sum, :a::text AS again, 'at :c' AS literal`
    for (const [a, b] of [
      [1, 2],
      [5, 7],
    ]) {
      const [row] = await Ledger.statement(sql, { a, b })
      assert.deepEqual(row, { sum: a + b, again: String(a), literal: 'at :c' })
    }
    await assert.rejects(() => Ledger.statement(sql, { a: 1 }), 'No value for the statement’s :b')
  })

  test('wallets are opened once, however many first uses race', async ({ assert }) => {
    const user = await UserFactory.create()
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => Ledger.openAccount(accounts.wallet(user.id)))
    )
    assert.lengthOf(new Set(ids.map((account) => account.id)), 1)
    const rows = await db.from('ledger_accounts').where('user_id', user.id).count('* as total')
    assert.equal(Number(rows[0].total), 1)
  })

  test('a hold sets money aside; capture pays it on, release returns it', async ({ assert }) => {
    const [poster, worker] = await UserFactory.createMany(2)
    await fund(poster, '100')

    const hold = await Ledger.transaction((trx) =>
      Ledger.hold(trx, {
        from: accounts.wallet(poster.id),
        into: accounts.escrow('00000000-0000-4000-8000-000000000001'),
        amount: money('60'),
        purpose: 'BOUNTY_ESCROW',
        description: 'escrow',
      })
    )
    assert.deepEqual(await balancesOf(poster), { balance: '40.00', held: '60.00' })

    await Ledger.transaction((trx) =>
      Ledger.capture(trx, hold.holdId, {
        to: accounts.wallet(worker.id),
        amount: money('20'),
        description: 'slot paid',
      })
    )
    assert.deepEqual(await balancesOf(poster), { balance: '40.00', held: '40.00' })
    assert.deepEqual(await balancesOf(worker), { balance: '20.00', held: '0.00' })

    const overCapture = Ledger.transaction((trx) =>
      Ledger.capture(trx, hold.holdId, {
        to: accounts.wallet(worker.id),
        amount: money('40.01'),
        description: 'too much',
      })
    )
    await assert.rejects(() => overCapture, /still held/)

    await Ledger.transaction((trx) =>
      Ledger.release(trx, hold.holdId, { description: 'cancelled' })
    )
    assert.deepEqual(await balancesOf(poster), { balance: '80.00', held: '0.00' })
    const settled = await db.from('ledger_holds').where('id', hold.holdId).first()
    assert.equal(settled.remaining, '0.00')
    assert.isNotNull(settled.settled_at)

    const report = await verifyLedger()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
    assert.equal(report.counts.openHolds, 0)
  })

  test('holding and escrow accounts refuse plain transfers', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '10')
    const attempt = Ledger.transaction((trx) =>
      Ledger.transfer(trx, {
        from: accounts.wallet(user.id),
        to: accounts.pendingWithdrawals,
        amount: money('1'),
        description: 'sneaky',
      })
    )
    await assert.rejects(() => attempt, /only move through holds/)
  })
})

test.group('Ledger database guarantees', (group) => {
  truncateEachTest(group)

  test('an entry whose postings do not sum to zero cannot be committed', async ({ assert }) => {
    const user = await UserFactory.create()
    const wallet = await walletId(user.id)
    const treasury = await treasuryId()

    const unbalanced = Ledger.transaction(async (trx) => {
      const [entry] = await trx
        .insertQuery()
        .table('ledger_entries')
        .insert({ kind: 'TRANSFER', description: 'forged' })
        .returning('id')
      await trx
        .insertQuery()
        .table('ledger_postings')
        .multiInsert([
          { entry_id: entry.id, account_id: treasury, amount: '-10.00' },
          { entry_id: entry.id, account_id: wallet, amount: '10.01' },
        ])
    })

    await assert.rejects(() => unbalanced, /unbalanced/)
    assert.deepEqual(await balancesOf(user), { balance: '0.00', held: '0.00' })
    assert.isNull(await db.from('ledger_entries').where('description', 'forged').first())
  })

  test('an entry needs at least two postings', async ({ assert }) => {
    const lonely = Ledger.transaction((trx) =>
      trx.insertQuery().table('ledger_entries').insert({ kind: 'TRANSFER', description: 'empty' })
    )
    await assert.rejects(() => lonely, /unbalanced/)
    assert.isNull(await db.from('ledger_entries').where('description', 'empty').first())
  })

  test('a posting added later to a committed entry is refused', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '5')
    const entry = await db.from('ledger_entries').firstOrFail()
    const wallet = await walletId(user.id)

    const extra = Ledger.transaction((trx) =>
      trx
        .insertQuery()
        .table('ledger_postings')
        .insert({ entry_id: entry.id, account_id: wallet, amount: '1.00' })
    )
    await assert.rejects(() => extra, /unbalanced/)
    const postings = await db
      .from('ledger_postings')
      .where('entry_id', entry.id)
      .count('* as total')
    assert.equal(Number(postings[0].total), 2)
  })

  test('postings and entries can be neither changed nor deleted', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '5')

    await assert.rejects(() => db.from('ledger_postings').update({ amount: '6.00' }), /immutable/)
    await assert.rejects(() => db.from('ledger_postings').delete(), /immutable/)
    await assert.rejects(
      () => db.from('ledger_entries').update({ description: 'rewritten' }),
      /immutable/
    )
    await assert.rejects(() => db.from('ledger_entries').delete(), /immutable/)
    assert.deepEqual(await balancesOf(user), { balance: '5.00', held: '0.00' })
  })

  test('a wallet cannot go negative, even through hand-written postings', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '5')
    const wallet = await walletId(user.id)
    const treasury = await treasuryId()

    const overdraft = db.transaction(async (trx) => {
      const [entry] = await trx
        .insertQuery()
        .table('ledger_entries')
        .insert({ kind: 'TRANSFER', description: 'overdraft' })
        .returning('id')
      await trx
        .insertQuery()
        .table('ledger_postings')
        .multiInsert([
          { entry_id: entry.id, account_id: wallet, amount: '-5.01' },
          { entry_id: entry.id, account_id: treasury, amount: '5.01' },
        ])
    })

    await assert.rejects(() => overdraft, /ledger_accounts_no_overdraft/)
    assert.deepEqual(await balancesOf(user), { balance: '5.00', held: '0.00' })
  })

  test('cached balances cannot be set directly', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '5')
    await assert.rejects(
      () => db.from('ledger_accounts').where('user_id', user.id).update({ balance: '500.00' }),
      /cannot be set/
    )
    await assert.rejects(
      () => db.from('ledger_accounts').where('user_id', user.id).update({ held: '1.00' }),
      /cannot be set/
    )
  })

  test('a hold only ever settles', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '5')
    const hold = await Ledger.transaction((trx) =>
      Ledger.hold(trx, {
        from: accounts.wallet(user.id),
        into: accounts.pendingWithdrawals,
        amount: money('5'),
        purpose: 'WITHDRAWAL',
        description: 'hold',
      })
    )
    await assert.rejects(
      () => db.from('ledger_holds').where('id', hold.holdId).update({ amount: '1.00' }),
      /can only be captured or released/
    )
    await assert.rejects(() => db.from('ledger_holds').delete(), /immutable/)
  })
})

test.group('ledger:verify', (group) => {
  truncateEachTest(group)
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('passes on a consistent ledger and prints a summary', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '12.34')

    const command = await ace.create(LedgerVerify, [])
    await command.exec()

    command.assertSucceeded()
    command.assertLogMatches(/no mismatch/)
    const report = await verifyLedger()
    assert.isTrue(report.ok)
  })

  test('fails when a cached balance was tampered with', async ({ assert }) => {
    const [alice, bob] = await UserFactory.createMany(2)
    await fund(alice, '50')
    await fund(bob, '50')

    // What a bad migration or a hand-run UPDATE would do: bypass the guard.
    await db.transaction(async (trx) => {
      await trx.rawQuery(`SELECT set_config('ledger.applying', 'on', true)`)
      await trx.rawQuery(
        `UPDATE ledger_accounts SET balance = balance + 1 WHERE kind = 'WALLET' AND user_id = ?`,
        [alice.id]
      )
    })

    const report = await verifyLedger()
    assert.isFalse(report.ok)
    assert.equal(report.problemCount, 1)
    assert.equal(report.problems[0].check, 'cached_balance')
    assert.include(report.problems[0].subject, alice.id)
    assert.include(report.problems[0].message, 'cached balance 51.00 but postings sum to 50.00')

    const command = await ace.create(LedgerVerify, [])
    await command.exec()
    command.assertFailed()
    command.assertLogMatches(/cached_balance/, 'stderr')
    assert.equal(command.exitCode, 1)
  })

  test('fails when a held amount no longer matches the open holds', async ({ assert }) => {
    const user = await UserFactory.create()
    await fund(user, '20')
    await Ledger.transaction((trx) =>
      Ledger.hold(trx, {
        from: accounts.wallet(user.id),
        into: accounts.pendingWithdrawals,
        amount: money('5'),
        purpose: 'WITHDRAWAL',
        description: 'hold',
      })
    )
    await db.transaction(async (trx) => {
      await trx.rawQuery(`SELECT set_config('ledger.applying', 'on', true)`)
      await trx.rawQuery(`UPDATE ledger_accounts SET held = 0 WHERE user_id = ?`, [user.id])
    })

    const report = await verifyLedger()
    assert.deepEqual(
      report.problems.map((problem) => problem.check),
      ['cached_held']
    )
  })

  test('reports progress in batches on a long ledger', async ({ assert }) => {
    const users = await UserFactory.createMany(5)
    for (const user of users) await fund(user, '1')
    const phases: string[] = []
    const report = await verifyLedger({
      batchSize: 2,
      onProgress: ({ phase, done, total }) => phases.push(`${phase} ${done}/${total}`),
    })
    assert.isTrue(report.ok)
    assert.deepEqual(phases, [
      'entries 2/5',
      'entries 4/5',
      'entries 5/5',
      'accounts 2/6',
      'accounts 4/6',
      'accounts 6/6',
    ])
  })
})

test.group('Ledger concurrency', (group) => {
  truncateEachTest(group)

  test('dozens of parallel overspends: exactly what the balance covers goes through', async ({
    assert,
  }) => {
    const [payer, payee] = await UserFactory.createMany(2)
    await fund(payer, '100')

    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        Ledger.transaction((trx) =>
          Ledger.transfer(trx, {
            from: accounts.wallet(payer.id),
            to: accounts.wallet(payee.id),
            amount: money('7'),
            description: 'race',
          })
        )
      )
    )

    const succeeded = results.filter((result) => result.status === 'fulfilled').length
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason.code === 'INSUFFICIENT_FUNDS'
    ).length
    assert.equal(succeeded, 14)
    assert.equal(refused, 26)
    assert.deepEqual(await balancesOf(payer), { balance: '2.00', held: '0.00' })
    assert.deepEqual(await balancesOf(payee), { balance: '98.00', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok)
  })

  test('transfers in both directions between the same wallets never deadlock', async ({
    assert,
  }) => {
    const [alice, bob, carol] = await UserFactory.createMany(3)
    await fund(alice, '50')
    await fund(bob, '50')
    await fund(carol, '50')
    const pairs = [
      [alice, bob],
      [bob, alice],
      [bob, carol],
      [carol, alice],
      [alice, carol],
      [carol, bob],
    ]

    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, index) => {
        const [from, to] = pairs[index % pairs.length]
        return Ledger.transaction((trx) =>
          Ledger.transfer(trx, {
            from: accounts.wallet(from.id),
            to: accounts.wallet(to.id),
            amount: money('1.25'),
            description: 'ping-pong',
          })
        )
      })
    )

    assert.deepEqual(
      results.filter((result) => result.status === 'rejected'),
      []
    )
    // Every pair ran equally often in each direction: everyone ends where they began.
    assert.deepEqual(await balancesOf(alice), { balance: '50.00', held: '0.00' })
    assert.deepEqual(await balancesOf(bob), { balance: '50.00', held: '0.00' })
    assert.deepEqual(await balancesOf(carol), { balance: '50.00', held: '0.00' })
    const report = await verifyLedger()
    assert.isTrue(report.ok)
    assert.equal(report.counts.entries, 63)
  })
})
