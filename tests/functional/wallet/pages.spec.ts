import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import Ledger, { accounts } from '#ledger/ledger'
import SendTip from '#actions/wallet/send_tip'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import DepositFunds from '#actions/treasury/deposit_funds'
import { UserFactory } from '#database/factories/user_factory'
import Transaction from '#models/transaction'
import { BountyFactory } from '#database/factories/bounty_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { balancesOf, fund } from '#tests/helpers/ledger'

/**
 * Moves the ledger entries of `member`'s wallet made today back `days` days
 * (the chart reads when money moved). Entries are immutable, so the guard
 * is switched off for this one statement, inside the test's transaction,
 * which is rolled back after the test (the commit-time ledger checks run
 * first, as the table cannot change with checks pending).
 */
async function backdateMovementsOf(member: { id: string }, days: number) {
  await db.rawQuery('SET CONSTRAINTS ALL IMMEDIATE')
  await db.rawQuery('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable')
  await db.rawQuery(
    `UPDATE ledger_entries SET created_at = created_at - make_interval(days => ?)
      WHERE created_at > now() - interval '1 day'
        AND id IN (SELECT p.entry_id FROM ledger_postings p
                     JOIN ledger_accounts a ON a.id = p.account_id
                    WHERE a.kind = 'WALLET' AND a.user_id = ?)`,
    [days, member.id]
  )
  await db.rawQuery('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable')
}

test.group('Wallet page', (group) => {
  isolateDatabase(group)

  test('shows the balance, the held amount and the member’s own history', async ({
    client,
    assert,
  }) => {
    const [member, friend, stranger] = await UserFactory.apply('verified').createMany(3)
    await fund(friend, '2000')
    await SendTip.handle(friend, {
      to: { toUserId: member.id },
      amount: Money.parse('1234.5'),
      message: 'Nice',
    })
    await RequestWithdrawal.handle(member, { amount: Money.parse('34.5') })
    await SendTip.handle(friend, {
      to: { toUserId: stranger.id },
      amount: Money.parse('1'),
      message: 'not yours',
    })

    const response = await client.get('/wallet').loginAs(member)

    response.assertStatus(200)
    response.assertTextIncludes('1,200.00')
    response.assertTextIncludes('34.50')
    response.assertTextIncludes(`Tip from @${friend.username}: Nice`)
    response.assertTextIncludes('Withdrawal request')
    assert.notInclude(response.text(), 'not yours')
    // The header shows the available balance on every page.
    assert.match(
      response.text(),
      /class="nav-balance">\s*<span class="visually-hidden">Wallet balance: <\/span>1,200.00/
    )
  })

  test('charts the balance at the end of each of the last 30 days', async ({ client, assert }) => {
    const [member, friend] = await UserFactory.apply('verified').createMany(2)
    await fund(member, '100')
    await backdateMovementsOf(member, 10)
    await SendTip.handle(member, { to: { toUserId: friend.id }, amount: Money.parse('30.25') })
    await backdateMovementsOf(member, 3)
    await fund(friend, '5') // someone else's money stays out of the chart

    const today = DateTime.utc().startOf('day')
    const days = await Ledger.dailyBalances(
      accounts.wallet(member.id),
      today.minus({ days: 29 }).toISODate()!,
      today.toISODate()!
    )
    const expected = (daysAgo: number) => (daysAgo > 10 ? '0.00' : daysAgo > 3 ? '100.00' : '69.75')
    assert.deepEqual(
      days.map(({ day, balance }) => [day, balance.toString()]),
      Array.from({ length: 30 }, (_, index) => [
        today.minus({ days: 29 - index }).toISODate(),
        expected(29 - index),
      ])
    )
    const { balance } = await balancesOf(member)
    assert.equal(days[29].balance.toString(), balance)

    const response = await client.get('/wallet').loginAs(member)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Balance, last 30 days')
    assert.match(html, /<svg class="chart__svg"[^>]*role="img"/)
    assert.include(html, `From 0.00 on ${today.minus({ days: 29 }).toFormat('LLL d')} to 69.75 on`)
    assert.include(
      html,
      `<tr><td>${today.minus({ days: 3 }).toFormat('LLL d')}</td><td class="numeric">69.75</td></tr>`
    )
    assert.include(
      html,
      `<tr><td>${today.minus({ days: 4 }).toFormat('LLL d')}</td><td class="numeric">100.00</td></tr>`
    )
  })

  test('before any money moves, the chart says so instead', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()
    const response = await client.get('/wallet').loginAs(member)
    response.assertStatus(200)
    response.assertTextIncludes('No money has moved yet')
    assert.notInclude(response.text(), 'chart__svg')
  })

  test('filters the history by type, status and dates, and keeps them across pages', async ({
    client,
    assert,
  }) => {
    const [member, friend] = await UserFactory.apply('verified').createMany(2)
    await fund(friend, '100')
    for (let i = 0; i < 25; i++) {
      await SendTip.handle(friend, { to: { toUserId: member.id }, amount: Money.parse('1') })
    }
    await RequestWithdrawal.handle(member, { amount: Money.parse('5') })

    const earned = await client.get('/wallet?type=EARN').loginAs(member)
    const withdrawals = await client.get('/wallet?type=WITHDRAWAL&status=PENDING').loginAs(member)
    const empty = await client.get('/wallet?from=2000-01-01&to=2000-01-02').loginAs(member)
    const invalid = await client.get('/wallet?type=BRIBE&status=').loginAs(member)

    earned.assertTextIncludes('Page 1 of 2')
    earned.assertTextIncludes('href="/wallet?type=EARN&amp;page=2"')
    assert.notInclude(earned.text(), 'Withdrawal request')
    withdrawals.assertTextIncludes('Withdrawal request')
    assert.notInclude(withdrawals.text(), 'Tip from')
    empty.assertTextIncludes('Nothing matches these filters')
    invalid.assertStatus(200)
    invalid.assertTextIncludes('Some filters were not valid and were ignored.')
  })

  test('exports the filtered history as CSV, with formulas defused', async ({ client, assert }) => {
    const [member, friend] = await UserFactory.apply('verified').createMany(2)
    const admin = await UserFactory.apply('admin').create()
    await fund(friend, '100')
    await SendTip.handle(friend, {
      to: { toUserId: member.id },
      amount: Money.parse('3'),
      message: 'Thanks, "pal"',
    })
    await DepositFunds.handle(
      { user: admin, ip: null },
      { recipient: member, amount: Money.parse('2'), description: '=HYPERLINK("http://evil")' }
    )
    await RequestWithdrawal.handle(member, { amount: Money.parse('1.5') })

    const all = await client.get('/wallet/export.csv').loginAs(member)
    const earnings = await client.get('/wallet/export.csv?type=EARN').loginAs(member)

    all.assertStatus(200)
    all.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(all.header('content-disposition') ?? '', /attachment; filename="corps-wallet-/)
    assert.isTrue(all.text().startsWith('\uFEFF'), 'a byte order mark for spreadsheets')
    const lines = all.text().trim().split('\r\n')
    assert.lengthOf(lines, 4)
    assert.match(lines[0], /^"Date \(UTC\)","Type","Status","Amount"/)
    assert.include(lines[1], '"WITHDRAWAL","PENDING","-1.50","5.00","3.50","Withdrawal request"')
    assert.include(
      lines[2],
      `"DEPOSIT","COMPLETED","2.00","3.00","5.00","'=HYPERLINK(""http://evil"")"`
    )
    assert.include(
      lines[3],
      `"EARN","COMPLETED","3.00","0.00","3.00","Tip from @${friend.username}: Thanks, ""pal"""`
    )
    assert.lengthOf(earnings.text().trim().split('\r\n'), 2)
  })

  test('visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/wallet').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})

test.group('Wallet forms', (group) => {
  isolateDatabase(group)

  test('the withdrawal form holds the amount', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()
    await fund(member, '30')

    const response = await client
      .post('/wallet/withdrawals')
      .form({ amount: '12.5' })
      .withCsrfToken()
      .loginAs(member)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/wallet')
    response.assertFlashMessage(
      'success',
      'Withdrawal of 12.50 requested. The amount is held until an admin reviews it.'
    )
    assert.deepEqual(await balancesOf(member), { balance: '17.50', held: '12.50' })
  })

  test('too large a withdrawal comes back with an error under the amount', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()
    await fund(member, '3')

    const response = await client
      .post('/wallet/withdrawals')
      .form({ amount: '3.01' })
      .withCsrfToken()
      .loginAs(member)
      .header('referer', '/wallet')
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      amount: ['Insufficient funds: 3.01 needed, 3.00 available'],
    })
    assert.deepEqual(await balancesOf(member), { balance: '3.00', held: '0.00' })
  })

  test('the tip form sends a tip by username', async ({ client, assert }) => {
    const [sender, receiver] = await UserFactory.apply('verified').createMany(2)
    await fund(sender, '10')

    const page = await client.get(`/tips/new?to=${receiver.username}`).loginAs(sender)
    page.assertStatus(200)
    page.assertTextIncludes(`value="${receiver.username}"`)

    const response = await client
      .post('/tips')
      .form({ toUsername: receiver.username, amount: '2', message: 'For the help' })
      .withCsrfToken()
      .loginAs(sender)
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('success', `You tipped @${receiver.username} 2.00.`)
    assert.deepEqual(await balancesOf(receiver), { balance: '2.00', held: '0.00' })
  })

  test('a bounty page links to tipping its worker for it, and the form keeps the bounty', async ({
    client,
    assert,
  }) => {
    const bounty = await BountyFactory.apply('inProgress')
      .merge({ title: 'Fix the login page' })
      .create()
    await bounty.load('liveClaims', (claims) => claims.preload('user'))
    const worker = bounty.liveClaims[0].user
    const [visitor] = await UserFactory.apply('verified').createMany(1)
    await fund(visitor, '10')

    const page = await client.get(`/bounties/${bounty.id}`).loginAs(visitor)
    page.assertTextIncludes(`/tips/new?to=${worker.username}&amp;bounty=${bounty.id}`)
    const own = await client.get(`/bounties/${bounty.id}`).loginAs(worker)
    assert.notInclude(own.text(), `/tips/new?to=${worker.username}`)

    const form = await client
      .get(`/tips/new?to=${worker.username}&bounty=${bounty.id}`)
      .loginAs(visitor)
    form.assertTextIncludes(`name="bountyId" value="${bounty.id}"`)
    form.assertTextIncludes(bounty.title)

    const response = await client
      .post('/tips')
      .form({ toUsername: worker.username, amount: '3', bountyId: bounty.id })
      .withCsrfToken()
      .loginAs(visitor)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'success',
      `You tipped @${worker.username} 3.00 for “Fix the login page”.`
    )
    const earned = await Transaction.query().where('user_id', worker.id).where('type', 'EARN')
    assert.deepEqual(
      earned.map((line) => [line.amount.toString(), line.bountyId]),
      [['3.00', bounty.id]]
    )
  })

  test('tipping yourself from the form is refused next to the field', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()
    await fund(member, '10')

    const response = await client
      .post('/tips')
      .form({ toUsername: member.username, amount: '2' })
      .withCsrfToken()
      .loginAs(member)
      .header('referer', '/tips/new')
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { toUsername: ['You cannot tip yourself'] })
    assert.deepEqual(await balancesOf(member), { balance: '10.00', held: '0.00' })
  })

  test('an unverified member sees no money forms and cannot post them', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    await fund(member, '10')

    const page = await client.get('/wallet').loginAs(member)
    page.assertTextIncludes('Confirm your email address to withdraw money.')
    assert.notInclude(page.text(), 'Request withdrawal')

    await client
      .post('/wallet/withdrawals')
      .form({ amount: '1' })
      .withCsrfToken()
      .loginAs(member)
      .redirects(0)
    assert.deepEqual(await balancesOf(member), { balance: '10.00', held: '0.00' })
    const rows = await db.from('transactions').where('user_id', member.id).count('* as total')
    assert.equal(Number(rows[0].total), 0)
  })
})
