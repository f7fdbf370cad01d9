import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { isolateDatabase } from '#tests/functional/api/support'
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
