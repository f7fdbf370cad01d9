import { test } from '@japa/runner'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import BountyMention from '#models/bounty_mention'
import BountyEvent from '#models/bounty_event'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { balancesOf } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import '#tests/helpers/openapi'

const VALID = {
  title: 'Fix the login page',
  description: 'Details in the issue.',
  bountyAmount: '25.00',
}

const inFiveYearsAndADay = new Date(Date.now() + (5 * 366 + 1) * 86_400_000).toISOString()

/**
 * One bad value per field: each must be refused with 422 naming that field.
 */
const BAD_FIELDS: [string, unknown][] = [
  ['title', undefined],
  ['title', 'ab'],
  ['title', 'x'.repeat(201)],
  ['title', 42],
  ['description', undefined],
  ['description', '   '],
  ['description', 'x'.repeat(20001)],
  ['bountyAmount', undefined],
  ['bountyAmount', 0],
  ['bountyAmount', '-5'],
  ['bountyAmount', '12.345'],
  ['bountyAmount', 0.1 + 0.2],
  ['bountyAmount', '1000000.01'],
  ['bountyAmount', 'ten'],
  ['bountyAmount', true],
  ['estimatedHours', 0],
  ['estimatedHours', 1.5],
  ['estimatedHours', 'soon'],
  ['estimatedHours', 10001],
  ['deadline', '2020-01-01T00:00:00Z'],
  ['deadline', 'next friday'],
  ['deadline', '2030-13-45'],
  ['deadline', inFiveYearsAndADay],
  ['deadline', 12345],
  ['priority', 'URGENT'],
  ['tags', 'css'],
  ['tags', Array.from({ length: 11 }, (_, index) => `tag${index}`)],
  ['tags.0', '<script>'],
  ['tags.0', 'x'.repeat(31)],
  ['category', 'no-such-category'],
  ['maxCompletions', 0],
  ['maxCompletions', 101],
  ['maxCompletions', 2.5],
  ['claimWindowDays', 0],
  ['claimWindowDays', 91],
  ['teamId', 'not-a-uuid'],
  ['draft', 'maybe'],
]

function withField(field: string, value: unknown) {
  if (field === 'tags.0') return { ...VALID, tags: [value] }
  const body: Record<string, unknown> = { ...VALID, [field]: value }
  if (value === undefined) delete body[field]
  return body
}

test.group('POST /api/v1/bounties input', (group) => {
  isolateDatabase(group)

  for (const [field, value] of BAD_FIELDS) {
    const shown = value === undefined ? 'missing' : JSON.stringify(value).slice(0, 30)
    test(`422 for ${field} = ${shown}; nothing is saved or escrowed`, async ({
      client,
      assert,
    }) => {
      const poster = await funded('100.00')

      const response = await client
        .post('/api/v1/bounties')
        .header('authorization', await bearerFor(poster))
        .json(withField(field, value))

      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED')
      assert.include(
        response.body().error.details.map((detail: { field: string }) => detail.field),
        field
      )
      assert.lengthOf(await Bounty.all(), 0)
      assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })
    })
  }

  test('malformed JSON answers 400, not 500', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const response = await client
      .post('/api/v1/bounties')
      .header('authorization', await bearerFor(poster))
      .json('{"title": ')
    response.assertStatus(400)
    assert.equal(response.body().error.code, 'INVALID_JSON')
    assert.lengthOf(await Bounty.all(), 0)
  })

  test('a non-uuid bounty id is a 404, not a database error', async ({ client }) => {
    const response = await client
      .get('/api/v1/bounties/1%27%20OR%201=1')
      .header('authorization', await bearerFor(await member()))
    response.assertStatus(404)
  })

  test('accepts the documented forms: number or string amounts, ISO or date-only deadlines', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const authorization = await bearerFor(poster)

    const numeric = await client
      .post('/api/v1/bounties')
      .header('authorization', authorization)
      .json({ ...VALID, bountyAmount: 12.5, deadline: '2031-02-03', estimatedHours: '3' })
    numeric.assertStatus(201)
    assert.equal(numeric.body().data.bountyAmount, '12.50')
    assert.equal(numeric.body().data.deadline, '2031-02-03T23:59:59.999Z')
    assert.equal(numeric.body().data.estimatedHours, 3)
    assert.equal(numeric.body().data.priority, 'MEDIUM')
  })

  test('PUT validates the same way and changes nothing on a refusal', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const authorization = await bearerFor(poster)

    for (const body of [
      { title: 'ab' },
      { bountyAmount: '-1' },
      { priority: 'NOW' },
      { deadline: '1999-01-01' },
      { draft: true },
    ]) {
      const response = await client
        .put(`/api/v1/bounties/${bounty.id}`)
        .header('authorization', authorization)
        .json(body)
      assert.oneOf(response.status(), [409, 422])
    }
    const reloaded = await Bounty.findOrFail(bounty.id)
    assert.equal(reloaded.title, bounty.title)
    assert.equal(reloaded.priority, 'MEDIUM')
    assert.isFalse(reloaded.isDraft)
  })

  test('PUT changes only what is sent, clears with null and records the fields', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster, { estimatedHours: 5, tags: ['a', 'b'] })

    const response = await client
      .put(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(poster))
      .json({ title: 'Sharper title', estimatedHours: null, tags: ['b', 'C'] })

    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.title, 'Sharper title')
    assert.equal(data.description, bounty.description)
    assert.isNull(data.estimatedHours)
    assert.deepEqual(
      data.tags.map((tag: { name: string }) => tag.name),
      ['b', 'C']
    )
    const event = await BountyEvent.query()
      .where('bounty_id', bounty.id)
      .where('type', 'updated')
      .firstOrFail()
    assert.sameMembers(event.data.fields as string[], ['title', 'estimatedHours', 'tags'])
  })

  test('a leader changing someone else’s reward is refused; their other edits are audited', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const admin = await member('admin')
    const bounty = await postBounty(poster)
    const authorization = await bearerFor(admin)

    const reward = await client
      .put(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', authorization)
      .json({ bountyAmount: '50.00' })
    reward.assertStatus(403)

    const title = await client
      .put(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', authorization)
      .json({ title: 'Moderated title' })
    title.assertStatus(200)
    const { default: AuditLog } = await import('#models/audit_log')
    const entry = await AuditLog.query().where('subject_id', bounty.id).firstOrFail()
    assert.equal(entry.action, 'bounty.update')
    assert.equal(entry.actorId, admin.id)
  })
})

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<div style="background:url(javascript:alert(1))">x</div>',
].join('\n\n')

/**
 * No live element, event handler or script URL: what the payloads try to
 * inject may only survive as escaped text.
 */
function assertInert(assert: any, html: string) {
  assert.notMatch(html, /<(script|img|svg|iframe|div|style|object|embed)\b/i)
  assert.notMatch(html, /<[^>]+\son\w+\s*=/i)
  assert.notMatch(html, /<[^>]+\s(href|src|style)\s*=\s*["']?\s*(javascript|data|vbscript):/i)
  assert.notMatch(html, /<[^>]+\sstyle\s*=/i)
}

test.group('Markdown in bounties and comments is rendered inert', (group) => {
  isolateDatabase(group)

  test('XSS payloads in a description come back as harmless HTML', async ({ client, assert }) => {
    const poster = await funded('100.00')

    const response = await client
      .post('/api/v1/bounties')
      .header('authorization', await bearerFor(poster))
      .json({ ...VALID, title: '<script>alert("t")</script>', description: XSS })

    response.assertStatus(201)
    const data = response.body().data
    assert.equal(data.title, '<script>alert("t")</script>')
    assert.equal(data.description, XSS)
    assertInert(assert, data.descriptionHtml)
    assert.include(data.descriptionHtml, '&lt;script&gt;')
  })

  test('XSS payloads in a comment come back as harmless HTML; mentions are recorded', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const commenter = await member()
    const mentioned = await member()
    const bounty = await postBounty(poster)

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/comments`)
      .header('authorization', await bearerFor(commenter))
      .json({
        content: `${XSS}\n\nPing @${mentioned.username.toUpperCase()}, @${commenter.username}, @nobody_here and mail@${mentioned.username}.com`,
      })

    response.assertStatus(201)
    assertInert(assert, response.body().data.contentHtml)
    const mentions = await BountyMention.query().where('bounty_id', bounty.id)
    assert.deepEqual(
      mentions.map((mention) => mention.userId),
      [mentioned.id]
    )
    const event = await BountyEvent.query()
      .where('bounty_id', bounty.id)
      .where('type', 'commented')
      .firstOrFail()
    assert.deepEqual(event.data.mentions, [mentioned.username])
  })

  test('comments list oldest first with their authors, paginated', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const authorization = await bearerFor(poster)
    for (const content of ['first', 'second', 'third']) {
      await client
        .post(`/api/v1/bounties/${bounty.id}/comments`)
        .header('authorization', authorization)
        .json({ content })
    }

    const response = await client
      .get(`/api/v1/bounties/${bounty.id}/comments`)
      .qs({ limit: 2 })
      .header('authorization', await bearerFor(await member('unverified')))

    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((comment: { content: string }) => comment.content),
      ['first', 'second']
    )
    assert.equal(response.body().data[0].author.username, poster.username)
    assert.equal(response.body().meta.pagination.total, 3)
    assert.lengthOf(await BountyComment.all(), 3)
  })

  test('an empty or oversized comment is refused', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const authorization = await bearerFor(poster)

    for (const content of ['', '   ', 'x'.repeat(10001), 7]) {
      const response = await client
        .post(`/api/v1/bounties/${bounty.id}/comments`)
        .header('authorization', authorization)
        .json({ content })
      response.assertStatus(422)
    }
    assert.lengthOf(await BountyComment.all(), 0)
  })
})
