import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SendTip from '#actions/wallet/send_tip'
import UserStats from '#actions/users/user_stats'
import Money from '#ledger/money'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty, workedOn } from '#tests/helpers/bounties'
import { cardTitles, htmlOf } from '#tests/helpers/bounty_pages'

/**
 * The card titles under one dashboard section heading.
 */
function section(html: string, heading: string) {
  const start = html.indexOf(`>${heading}</h2>`)
  const end = html.indexOf('</section>', start)
  return cardTitles(html.slice(start, end))
}

test.group('Dashboard', (group) => {
  isolateDatabase(group)

  test('shows my figures, what I work on, what I posted and completed, and recent activity', async ({
    client,
    assert,
  }) => {
    const me = await funded('1000.00')
    const other = await funded('1000.00')
    await postBounty(me, { title: 'My open one' })
    await postBounty(me, { title: 'My draft', draft: true })
    const mine = await postBounty(other, { title: 'I work on this' })
    await ClaimBounty.handle(me, mine)
    const done = await workedOn(other, me, 'submitted')
    await ApproveWork.handle(other, done)
    await postBounty(other, { title: 'Not mine at all' })

    const response = await client.get(urlFor('dashboard.show')).loginAs(me)

    response.assertStatus(200)
    const html = response.text()
    assert.deepEqual(section(html, 'Working on'), ['I work on this'])
    assert.deepEqual(section(html, 'Posted by you, still open'), ['My open one'])
    assert.deepEqual(section(html, 'Completed by you'), ['Fix the login page'])
    assert.include(html, 'My drafts (1)')
    assert.include(html, '1,000.00')
    assert.include(html, '100.00 held in escrow and withdrawals.')
    assert.match(html, /aria-labelledby="stat-earned">100.00</)
    assert.match(html, /aria-labelledby="stat-completed">1</)
    assert.include(html, '1 active · 50% of your claims completed · 1 posted')
    assert.include(html, `@${other.username} approved the work of @${me.username}`)
    assert.include(html, 'on <a href="/bounties/')
    assert.notInclude(html, 'Not mine at all')
  })

  test('a new member sees empty states that point somewhere useful', async ({ client }) => {
    const response = await client.get(urlFor('dashboard.show')).loginAs(await member())
    response.assertStatus(200)
    response.assertTextIncludes('You are not working on anything right now.')
    response.assertTextIncludes('Find an available bounty')
    response.assertTextIncludes('None of your bounties is open.')
    response.assertTextIncludes('Completed bounties and their rewards show up here.')
    response.assertTextIncludes('Claims, reviews and payouts on your bounties appear here.')
    response.assertTextIncludes('Nothing earned in the last 12 weeks.')
  })

  test('charts what I earned each of the last 12 weeks', async ({ client, assert }) => {
    const me = await funded('100.00')
    const friend = await funded('100.00')
    await SendTip.handle(friend, { to: { toUserId: me.id }, amount: Money.parse('12.50') })
    await SendTip.handle(friend, { to: { toUserId: me.id }, amount: Money.parse('7.25') })
    // Two weeks ago, and money I sent (never earnings).
    await db.rawQuery(
      `UPDATE transactions SET created_at = created_at - interval '14 days'
        WHERE user_id = ? AND type = 'EARN' AND amount = 12.50`,
      [me.id]
    )
    await SendTip.handle(me, { to: { toUserId: friend.id }, amount: Money.parse('3.00') })

    const weeks = await UserStats.weeklyEarnings(me, 12)
    const monday = DateTime.utc().startOf('week')
    assert.deepEqual(
      weeks.map(({ week, earned }) => [week, earned.toString()]),
      Array.from({ length: 12 }, (_, index) => {
        const week = monday.minus({ weeks: 11 - index })
        const earned = index === 11 ? '7.25' : index === 9 ? '12.50' : '0.00'
        return [week.toISODate(), earned]
      })
    )

    const response = await client.get(urlFor('dashboard.show')).loginAs(me)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Earned per week, last 12 weeks')
    assert.include(html, 'aria-labelledby="earnings-trend-title earnings-trend-desc"')
    assert.include(
      html,
      `<tr><td>Week of ${monday.minus({ weeks: 2 }).toFormat('LLL d')}</td><td class="numeric">12.50</td></tr>`
    )
    assert.include(html, 'highest 12.50, lowest 0.00.')
  })

  test('visitors are sent to the login page', async ({ client }) => {
    const response = await client.get(urlFor('dashboard.show')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('the header links to the board, the dashboard and the bounty form', async ({
    client,
    assert,
  }) => {
    const html = await htmlOf(client, urlFor('home'), await member())
    assert.include(html, '<a href="/" aria-current="page">Board</a>')
    assert.include(html, '<a href="/dashboard">Dashboard</a>')
    assert.include(html, '<a href="/bounties/new">Post a bounty</a>')
    assert.include(html, '<a href="/bounties/drafts">My drafts</a>')
  })
})
