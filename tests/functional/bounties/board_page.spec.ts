import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Money from '#ledger/money'
import Category from '#models/category'
import ClaimBounty from '#actions/bounties/claim_bounty'
import DeleteBounty from '#actions/bounties/delete_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { XSS, cardTitles } from '#tests/helpers/bounty_pages'
import { teamOf } from '#tests/helpers/teams'

test.group('Board page', (group) => {
  isolateDatabase(group)

  test('shows published bounties as cards to everyone, guests included', async ({
    client,
    assert,
  }) => {
    const poster = await funded('5000.00')
    await Category.create({ name: 'Design', slug: 'design' })
    const bounty = await postBounty(poster, {
      title: 'Redraw the logo',
      bountyAmount: Money.parse('1234.50'),
      priority: 'HIGH',
      tags: ['SVG', 'branding'],
      category: 'design',
      maxCompletions: 3,
      deadline: DateTime.utc().plus({ days: 3 }),
    })
    await ClaimBounty.handle(await member(), bounty)
    await postBounty(poster, { title: 'Secret draft', draft: true })
    await DeleteBounty.handle(poster, await postBounty(poster, { title: 'Deleted one' }))

    for (const viewer of [null, poster, await member()]) {
      const request = client.get(urlFor('home'))
      const response = viewer ? await request.loginAs(viewer) : await request
      response.assertStatus(200)
      assert.deepEqual(cardTitles(response.text()), ['Redraw the logo'])
    }

    const page = await client.get(urlFor('home'))
    const html = page.text()
    assert.include(html, '1,234.50')
    assert.include(html, 'per slot · 3 slots')
    assert.include(html, '2 of 3 slots open')
    assert.match(html, /class="status status--available"[^>]*>Available</)
    assert.include(html, '<span class="visually-hidden">Priority: </span>High')
    assert.include(html, 'Design')
    assert.match(html, /fill="#[0-9A-Fa-f]{6}"\/><\/svg>SVG/)
    assert.include(html, 'href="/?tag=branding"')
    assert.include(html, '(in 2 days)')
    assert.include(html, 'data-live-board')
    assert.include(html, `href="/bounties/${bounty.id}"`)
  })

  test('/bounties is the same board', async ({ client, assert }) => {
    await postBounty(await funded('100.00'), { title: 'Anywhere' })
    const response = await client.get(urlFor('bounties.index'))
    response.assertStatus(200)
    assert.deepEqual(cardTitles(response.text()), ['Anywhere'])
  })

  test('filters by status, priority, tag, category, reward, deadline and full text', async ({
    client,
    assert,
  }) => {
    const poster = await funded('10000.00')
    await Category.createMany([
      { name: 'Design', slug: 'design' },
      { name: 'Backend', slug: 'backend' },
    ])
    const soon = DateTime.utc().plus({ days: 2 })
    const later = DateTime.utc().plus({ days: 40 })
    await postBounty(poster, {
      title: 'Cheap design task',
      description: 'Pick colours for the footer',
      bountyAmount: Money.parse('10.00'),
      priority: 'LOW',
      tags: ['ui'],
      category: 'design',
      deadline: soon,
    })
    const taken = await postBounty(poster, {
      title: 'Expensive backend task',
      description: 'Speed up the ledger queries',
      bountyAmount: Money.parse('900.00'),
      priority: 'CRITICAL',
      tags: ['PostgreSQL'],
      category: 'backend',
      deadline: later,
    })
    await ClaimBounty.handle(await member(), taken)
    await postBounty(poster, { title: 'Plain one', bountyAmount: Money.parse('100.00') })

    const cases: [Record<string, string>, string[]][] = [
      [{ status: 'IN_PROGRESS' }, ['Expensive backend task']],
      [{ priority: 'LOW' }, ['Cheap design task']],
      [{ tag: 'postgresql' }, ['Expensive backend task']],
      [{ category: 'design' }, ['Cheap design task']],
      [{ minAmount: '50', maxAmount: '500' }, ['Plain one']],
      [{ deadlineBefore: soon.plus({ days: 1 }).toISODate()! }, ['Cheap design task']],
      [{ deadlineAfter: soon.plus({ days: 1 }).toISODate()! }, ['Expensive backend task']],
      [{ q: 'ledger queries' }, ['Expensive backend task']],
      [{ sort: 'reward' }, ['Expensive backend task', 'Plain one', 'Cheap design task']],
      [{ sort: 'deadline' }, ['Cheap design task', 'Expensive backend task', 'Plain one']],
      [{ sort: 'newest' }, ['Plain one', 'Expensive backend task', 'Cheap design task']],
    ]
    for (const [query, expected] of cases) {
      const response = await client.get(urlFor('home')).qs(query)
      response.assertStatus(200)
      assert.deepEqual(cardTitles(response.text()), expected, JSON.stringify(query))
    }
  })

  test('the form shows the filter in force and pages keep it (a shareable URL)', async ({
    client,
    assert,
  }) => {
    const poster = await funded('10000.00')
    for (let index = 0; index < 23; index++) {
      await postBounty(poster, { title: `Task ${index}`, tags: ['css'], priority: 'HIGH' })
    }

    const first = await client.get(urlFor('home')).qs({ priority: 'HIGH', tag: 'css', q: '' })
    const html = first.text()
    assert.lengthOf(cardTitles(html), 20)
    assert.include(html, '23 bounties match')
    assert.include(html, '<option value="HIGH" selected>')
    assert.include(html, 'name="tag" value="css"')
    assert.include(html, 'href="/?priority=HIGH&amp;tag=css&amp;page=2"')
    assert.include(html, 'Clear filters')

    const second = await client.get(urlFor('home')).qs({ priority: 'HIGH', tag: 'css', page: 2 })
    assert.lengthOf(cardTitles(second.text()), 3)
    assert.include(second.text(), 'Page 2 of 2')
  })

  test('invalid filters are left out with a notice, the valid ones still apply', async ({
    client,
    assert,
  }) => {
    const poster = await funded('1000.00')
    await postBounty(poster, { title: 'Low one', priority: 'LOW' })
    await postBounty(poster, { title: 'High one', priority: 'HIGH' })

    const response = await client.get(urlFor('home')).qs({
      priority: 'HIGH',
      minAmount: 'lots',
      status: 'DONE',
      deadlineBefore: 'soon',
      page: 'x',
    })

    response.assertStatus(200)
    assert.deepEqual(cardTitles(response.text()), ['High one'])
    response.assertTextIncludes('Some filters were left out')
    response.assertTextIncludes('Enter an amount with at most two decimals, like 12.50')
    response.assertTextIncludes('Due before: enter a date like 2026-05-01')
    response.assertTextIncludes('Choose one of: AVAILABLE')
    assert.notInclude(response.text(), 'name="minAmount" value="lots"')
  })

  test('empty states: an empty board, and no match with a way to clear the filters', async ({
    client,
    assert,
  }) => {
    const empty = await client.get(urlFor('home'))
    empty.assertTextIncludes('The board is empty for now')
    empty.assertTextIncludes('Post the first bounty')
    assert.notInclude(empty.text(), 'Clear filters')

    await postBounty(await funded('100.00'), { title: 'Something' })
    const none = await client.get(urlFor('home')).qs({ q: 'nothing like this' })
    none.assertTextIncludes('No bounty matches these filters')
    none.assertTextIncludes('0 bounties match')
    assert.include(none.text(), '<a class="button button--secondary" href="/">Clear filters</a>')
  })

  test('team bounties show on the board to their team only, other people’s drafts to nobody', async ({
    client,
    assert,
  }) => {
    const poster = await funded('1000.00')
    const teammate = await member()
    const team = await teamOf([poster, teammate])
    await postBounty(poster, { title: 'Team only', teamId: team.id })
    await postBounty(poster, { title: 'Draft', draft: true })
    await postBounty(poster, { title: 'Public' })

    const outsider = await client.get(urlFor('home')).loginAs(await member())
    assert.deepEqual(cardTitles(outsider.text()), ['Public'])
    const guest = await client.get(urlFor('home'))
    assert.deepEqual(cardTitles(guest.text()), ['Public'])
    const inTeam = await client.get(urlFor('home')).loginAs(teammate)
    assert.sameMembers(cardTitles(inTeam.text()), ['Team only', 'Public'])
  })

  test('titles, descriptions and search terms print as text, never as markup', async ({
    client,
    assert,
  }) => {
    await postBounty(await funded('100.00'), { title: `Title ${XSS}`, description: `Body ${XSS}` })

    const response = await client.get(urlFor('home')).qs({ q: `"><script>alert(3)</script>` })
    const board = await client.get(urlFor('home'))

    for (const html of [response.text(), board.text()]) {
      assert.notInclude(html, '<script>alert')
      assert.notInclude(html, 'onerror=alert(2)>')
    }
    assert.include(board.text(), 'Title &lt;script&gt;alert(1)&lt;/script&gt;')
    assert.include(response.text(), 'value="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"')
  })

  test('a page costs the same number of queries whatever its size (no N+1)', async ({
    client,
    assert,
  }) => {
    const poster = await funded('5000.00')
    // Sessions are left out: their store collects expired rows at random.
    async function queries() {
      let count = 0
      const knex = db.connection().getWriteClient()
      const listener = ({ sql }: { sql: string }) => {
        if (!sql.includes('"sessions"')) count++
      }
      knex.on('query', listener)
      const response = await client.get(urlFor('home'))
      knex.off('query', listener)
      response.assertStatus(200)
      return count
    }

    await postBounty(poster, { title: 'One', tags: ['a'] })
    await ClaimBounty.handle(await member(), await postBounty(poster, { title: 'Two' }))
    const small = await queries()
    for (let index = 0; index < 15; index++) {
      const bounty = await postBounty(poster, { title: `More ${index}`, tags: ['a', `t${index}`] })
      if (index % 3 === 0) await ClaimBounty.handle(await member(), bounty)
    }
    assert.equal(await queries(), small)
  })
})
