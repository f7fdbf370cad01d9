import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import DashboardFigures from '#actions/admin/dashboard_figures'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import ApproveWork from '#actions/bounties/approve_work'
import Money from '#ledger/money'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty, workedOn } from '#tests/helpers/bounties'

test.group('Admin dashboard', (group) => {
  isolateDatabase(group)

  test('shows members, bounties by status, money and the weekly trends', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('500')
    const worker = await funded('50')
    await postBounty(poster, { title: 'Open one' })
    const done = await workedOn(poster, worker, 'submitted')
    await ApproveWork.handle(poster, done, {})
    await RequestWithdrawal.handle(worker, { amount: Money.parse('20') })

    const figures = await DashboardFigures.handle()
    const response = await client.get('/admin').loginAs(admin)

    assert.equal(figures.members.total, 3)
    assert.equal(figures.members.joinedThisWeek, 3)
    assert.deepInclude(figures.bounties, { status: 'AVAILABLE', count: 1 })
    assert.deepInclude(figures.bounties, { status: 'COMPLETED', count: 1 })
    assert.equal(figures.money.inCirculation.toString(), '550.00')
    assert.equal(figures.money.inEscrow.toString(), '100.00')
    assert.equal(figures.money.pendingWithdrawals.count, 1)
    assert.equal(figures.money.pendingWithdrawals.total.toString(), '20.00')
    assert.equal(figures.rewards[figures.rewards.length - 1].amount.toString(), '100.00')
    assert.lengthOf(figures.rewards, 12)
    response.assertStatus(200)
    response.assertTextIncludes('Admin dashboard')
    response.assertTextIncludes('550.00')
    response.assertTextIncludes('1 waiting for a decision')
    response.assertTextIncludes('Show as a table')
    response.assertTextIncludes('The ledger has not been checked yet')
  })

  test('counts members seen in the last week as active', async ({ assert }) => {
    const [seen, away] = [await member(), await member()]
    await db.table('sessions').insert([
      {
        id: 'a',
        user_id: seen.id,
        expires_at: new Date(Date.now() + 3600e3),
        data: '{}',
        last_seen_at: new Date(),
      },
      {
        id: 'b',
        user_id: away.id,
        expires_at: new Date(Date.now() + 3600e3),
        data: '{}',
        last_seen_at: new Date(Date.now() - 10 * 86400e3),
      },
    ])

    const figures = await DashboardFigures.handle()

    assert.equal(figures.members.active, 1)
  })

  test('{role} gets 403')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client }, { role }) => {
      const response = await client.get('/admin').loginAs(await member(role))
      response.assertStatus(403)
    })
})
