import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import Category from '#models/category'
import type User from '#models/user'
import DeleteBounty from '#actions/bounties/delete_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function board(client: any, viewer: User, query: Record<string, unknown> = {}) {
  const response = await client
    .get('/api/v1/bounties')
    .qs(query)
    .header('authorization', await bearerFor(viewer))
  response.assertStatus(200)
  return response.body()
}

function titles(body: { data: { title: string }[] }) {
  return body.data.map((bounty) => bounty.title)
}

test.group('GET /api/v1/bounties (the board)', (group) => {
  isolateDatabase(group)

  test('lists published bounties, never drafts or deleted ones', async ({ client, assert }) => {
    const poster = await funded('1000.00')
    await postBounty(poster, { title: 'Published one' })
    await postBounty(poster, { title: 'Secret draft', draft: true })
    const gone = await postBounty(poster, { title: 'Deleted one' })
    await DeleteBounty.handle(poster, gone)

    assert.deepEqual(titles(await board(client, await member())), ['Published one'])
    assert.deepEqual(titles(await board(client, poster)), ['Published one'])
    assert.deepEqual(titles(await board(client, poster, { draft: true })), ['Secret draft'])
    assert.deepEqual(titles(await board(client, await member(), { draft: true })), [])
  })

  test('filters by status, priority, tag, category and reward range', async ({
    client,
    assert,
  }) => {
    const poster = await funded('5000.00')
    const category = await Category.create({ name: 'Design', slug: 'design' })
    await postBounty(poster, {
      title: 'Logo',
      priority: 'HIGH',
      tags: ['Design'],
      category: 'design',
      bountyAmount: Money.parse('300.00'),
    })
    await postBounty(poster, {
      title: 'Bug',
      priority: 'LOW',
      tags: ['backend'],
      bountyAmount: Money.parse('50.00'),
    })
    const cancelled = await postBounty(poster, { title: 'Old', bountyAmount: Money.parse('10.00') })
    await db.from('bounties').where('id', cancelled.id).update({ status: 'CANCELLED' })
    const viewer = await member()

    assert.deepEqual(titles(await board(client, viewer, { status: 'CANCELLED' })), ['Old'])
    assert.deepEqual(titles(await board(client, viewer, { priority: 'HIGH' })), ['Logo'])
    assert.deepEqual(titles(await board(client, viewer, { tag: 'design' })), ['Logo'])
    assert.deepEqual(titles(await board(client, viewer, { category: category.slug })), ['Logo'])
    assert.deepEqual(
      titles(await board(client, viewer, { minAmount: '40', maxAmount: '100.00', sort: 'reward' })),
      ['Bug']
    )
    const { data: tagged } = await board(client, viewer, { tag: 'Design' })
    const logo = tagged[0]
    assert.deepEqual(logo.category, { id: category.id, name: 'Design', slug: 'design' })
  })

  test('searches title and description in full text (websearch syntax)', async ({
    client,
    assert,
  }) => {
    const poster = await funded('1000.00')
    await postBounty(poster, { title: 'Fix the login page', description: 'Mobile layout breaks' })
    await postBounty(poster, { title: 'Write docs', description: 'Explain the login flow' })
    await postBounty(poster, { title: 'Refactor billing', description: 'Nothing about that' })
    const viewer = await member()

    assert.sameMembers(titles(await board(client, viewer, { q: 'login' })), [
      'Fix the login page',
      'Write docs',
    ])
    assert.deepEqual(titles(await board(client, viewer, { q: 'login -mobile' })), ['Write docs'])
    assert.deepEqual(titles(await board(client, viewer, { q: '"layout breaks"' })), [
      'Fix the login page',
    ])
    assert.deepEqual(titles(await board(client, viewer, { q: 'logins' })).length, 2)
    assert.deepEqual(titles(await board(client, viewer, { q: "'); DROP TABLE bounties; --" })), [])
  })

  test('sorts by newest, reward or nearest deadline and paginates', async ({ client, assert }) => {
    const poster = await funded('5000.00')
    const soon = DateTime.now().plus({ days: 2 })
    const later = DateTime.now().plus({ days: 20 })
    await postBounty(poster, { title: 'A', bountyAmount: Money.parse('10.00'), deadline: later })
    await postBounty(poster, { title: 'B', bountyAmount: Money.parse('30.00') })
    await postBounty(poster, { title: 'C', bountyAmount: Money.parse('20.00'), deadline: soon })
    const viewer = await member()

    assert.deepEqual(titles(await board(client, viewer)), ['C', 'B', 'A'])
    assert.deepEqual(titles(await board(client, viewer, { sort: 'reward' })), ['B', 'C', 'A'])
    assert.deepEqual(titles(await board(client, viewer, { sort: 'deadline' })), ['C', 'A', 'B'])
    assert.deepEqual(
      titles(await board(client, viewer, { deadlineBefore: soon.plus({ days: 1 }).toISODate() })),
      ['C']
    )
    assert.deepEqual(
      titles(await board(client, viewer, { deadlineAfter: soon.plus({ days: 1 }).toISODate() })),
      ['A']
    )

    const page = await board(client, viewer, { limit: 2, page: 2 })
    assert.deepEqual(titles(page), ['A'])
    assert.deepEqual(page.meta.pagination, { page: 2, limit: 2, total: 3, totalPages: 2 })
  })

  test('team bounties show to their team and leaders only, and no longer to a member who left', async ({
    client,
    assert,
  }) => {
    const poster = await funded('1000.00')
    const teammate = await member()
    const team = await teamOf([poster, teammate])
    const teamId = team.id
    const bounty = await postBounty(poster, { title: 'Team only', teamId })

    assert.deepEqual(titles(await board(client, await member())), [])
    assert.deepEqual(titles(await board(client, await member(), { teamId })), [])
    assert.deepEqual(titles(await board(client, await member('admin'), { teamId })), ['Team only'])
    assert.deepEqual(titles(await board(client, teammate)), ['Team only'])
    assert.deepEqual(titles(await board(client, poster, { teamId })), ['Team only'])

    await removeFromTeam(team.id, poster)
    assert.deepEqual(titles(await board(client, poster)), [])
    const outsider = await client
      .get(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(await member()))
    outsider.assertStatus(404)
  })

  test('a page costs the same number of queries whatever its size (no N+1)', async ({
    client,
    assert,
  }) => {
    const poster = await funded('5000.00')
    for (let index = 0; index < 12; index++) {
      await postBounty(poster, { title: `Bounty ${index}`, tags: ['one', `tag${index}`] })
    }
    const viewer = await member()
    const authorization = await bearerFor(viewer)

    async function queriesFor(limit: number) {
      let count = 0
      const knex = db.connection().getWriteClient()
      const listener = () => count++
      knex.on('query', listener)
      const response = await client
        .get('/api/v1/bounties')
        .qs({ limit })
        .header('authorization', authorization)
      knex.off('query', listener)
      response.assertStatus(200)
      assert.lengthOf(response.body().data, limit)
      return count
    }

    // The token's first use records it ("last used"); measure after that.
    await queriesFor(1)
    const large = await queriesFor(12)
    assert.isAbove(large, 3)
    assert.equal(large, await queriesFor(2))
  })

  test('a bounty’s page shows its own files and everything the card shows', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster, { tags: ['css'] })

    const response = await client
      .get(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(await member('unverified')))

    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.creator.username, poster.username)
    assert.deepEqual(data.attachments, [])
    assert.equal(
      data.descriptionHtml,
      '<p>The <strong>submit</strong> button hides below the fold.</p>'
    )
    assert.equal(data.slotsRemaining, 1)
    assert.isFalse(data.isDraft)
    assert.equal(bounty.id, data.id)
  })

  test('refuses bad filters with 422 instead of ignoring them', async ({ client, assert }) => {
    const viewer = await member()
    const authorization = await bearerFor(viewer)
    for (const query of [
      { status: 'OPEN' },
      { priority: 'urgent' },
      { sort: 'oldest' },
      { limit: 101 },
      { page: 0 },
      { minAmount: 'lots' },
      { teamId: 'not-a-uuid' },
      { deadlineBefore: 'tomorrow' },
      { q: 'x'.repeat(201) },
    ]) {
      const response = await client
        .get('/api/v1/bounties')
        .qs(query)
        .header('authorization', authorization)
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, Object.keys(query)[0])
    }
  })
})
