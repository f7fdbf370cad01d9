import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import Bounty from '#models/bounty'
import Category from '#models/category'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty, assertLedgerClean } from '#tests/helpers/bounties'
import { balancesOf } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'
import {
  bountyUrl,
  cardTitles,
  fieldErrors,
  htmlOf,
  statusOf,
  submit,
} from '#tests/helpers/bounty_pages'

const VALID = {
  title: 'Write the release notes',
  description: 'For **version 2**: every change since 1.9.',
  bountyAmount: '120.50',
  maxCompletions: '1',
  estimatedHours: '',
  priority: 'HIGH',
  category: '',
  deadline: '',
  tags: 'writing, Docs',
  claimWindowDays: '7',
}

test.group('Posting a bounty', (group) => {
  isolateDatabase(group)

  test('the form lists priorities, categories and known tags', async ({ client, assert }) => {
    await Category.create({ name: 'Documentation', slug: 'documentation' })
    await postBounty(await funded('100.00'), { tags: ['TypeScript'] })
    const poster = await funded('10.00')

    const response = await client.get(urlFor('bounties.create')).loginAs(poster)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<option value="documentation">Documentation</option>')
    assert.include(html, '<option value="MEDIUM" selected>Medium</option>')
    assert.include(html, '<option value="TypeScript"></option>')
    assert.include(html, 'Publish and escrow')
    assert.include(html, 'Save as draft')
    assert.include(html, '10.00 available')
  })

  test('unverified members are told to verify; guests go to the login page', async ({
    client,
    assert,
  }) => {
    const unverified = await member('unverified')
    const page = await client.get(urlFor('bounties.create')).loginAs(unverified)
    page.assertStatus(403)
    page.assertTextIncludes('Verify your email address first')

    const post = await submit(client, unverified, 'post', urlFor('bounties.store'), {
      from: urlFor('bounties.create'),
      form: VALID,
    })
    post.assertHeader('location', urlFor('bounties.create'))
    post.assertFlashMessage(
      'error',
      'Verify your email address first: unverified accounts can only browse'
    )
    assert.equal(await countRows('bounties'), 0)
    const guest = await client.get(urlFor('bounties.create')).redirects(0)
    guest.assertHeader('location', '/login')
  })

  test('publishing escrows the reward and opens the bounty page', async ({ client, assert }) => {
    const poster = await funded('500.00')

    const response = await submit(client, poster, 'post', urlFor('bounties.store'), {
      from: urlFor('bounties.create'),
      form: { ...VALID, draft: 'false', deadline: '2031-05-01T17:00' },
    })

    const bounty = await Bounty.query().where('created_by', poster.id).preload('tags').firstOrFail()
    response.assertStatus(302)
    response.assertHeader('location', bountyUrl(bounty.id))
    response.assertFlashMessage(
      'success',
      'Bounty published: 120.50 is held in escrow until the work is approved.'
    )
    assert.isFalse(bounty.isDraft)
    assert.equal(bounty.priority, 'HIGH')
    assert.equal(bounty.bountyAmount.toString(), '120.50')
    assert.isNull(bounty.estimatedHours)
    assert.equal(bounty.deadline!.toUTC().toISO(), '2031-05-01T17:00:00.000Z')
    assert.sameMembers(
      bounty.tags.map((tag) => tag.name),
      ['writing', 'Docs']
    )
    assert.deepEqual(await balancesOf(poster), { balance: '379.50', held: '120.50' })
    await assertLedgerClean(assert)
  })

  test('a draft costs nothing and only its author sees it', async ({ client, assert }) => {
    const poster = await funded('50.00')

    const response = await submit(client, poster, 'post', urlFor('bounties.store'), {
      form: { ...VALID, draft: 'true' },
    })

    const bounty = await Bounty.findByOrFail('created_by', poster.id)
    response.assertFlashMessage('success', 'Draft saved. Only you can see it until you publish it.')
    assert.isTrue(bounty.isDraft)
    assert.deepEqual(await balancesOf(poster), { balance: '50.00', held: '0.00' })

    const drafts = await client.get(urlFor('drafts.index')).loginAs(poster)
    assert.deepEqual(cardTitles(drafts.text()), ['Write the release notes'])
    const othersDrafts = await client.get(urlFor('drafts.index')).loginAs(await member())
    othersDrafts.assertTextIncludes('No drafts')
    assert.deepEqual(cardTitles(await htmlOf(client, urlFor('home'))), [])
  })

  test('invalid input comes back inline, with the input kept and nothing saved', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')

    const response = await submit(client, poster, 'post', urlFor('bounties.store'), {
      from: urlFor('bounties.create'),
      form: {
        ...VALID,
        title: 'ab',
        bountyAmount: '12.345',
        estimatedHours: '2.5',
        maxCompletions: '0',
        deadline: '2001-01-01',
        tags: 'fine, <bad>',
        category: 'nope',
        priority: 'URGENT',
      },
    })

    response.assertStatus(302)
    response.assertHeader('location', urlFor('bounties.create'))
    const errors = fieldErrors(response)
    assert.deepEqual(errors.title, ['The title field must have at least 3 characters'])
    assert.deepEqual(errors.bountyAmount, ['Enter an amount with at most two decimals, like 12.50'])
    assert.deepEqual(errors.estimatedHours, ['The estimated hours field must be an integer'])
    assert.deepEqual(errors.deadline, ['The deadline must be in the future'])
    assert.match(errors.tags[0], /^“<bad>” is not a tag/)
    assert.deepEqual(errors.category, ['Choose one of the listed categories'])
    assert.exists(errors.maxCompletions)
    assert.exists(errors.priority)
    response.assertFlashMessage('title', 'ab')
    assert.equal(await countRows('bounties'), 0)

    const form = await client
      .get(urlFor('bounties.create'))
      .loginAs(poster)
      .withFlashMessages({ inputErrorsBag: errors, title: 'ab' })
    form.assertTextIncludes('The title field must have at least 3 characters')
    form.assertTextIncludes('value="ab"')
    form.assertTextIncludes('aria-invalid="true"')
  })

  test('a reward the wallet cannot cover is an error on the reward field; nothing changes', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')

    const response = await submit(client, poster, 'post', urlFor('bounties.store'), {
      from: urlFor('bounties.create'),
      form: { ...VALID, bountyAmount: '60.00', maxCompletions: '2', draft: 'false' },
    })

    response.assertStatus(302)
    response.assertHeader('location', urlFor('bounties.create'))
    assert.deepEqual(fieldErrors(response), {
      bountyAmount: [
        'Your wallet cannot cover the reward: 120.00 is needed (2 slots), 100.00 is available',
      ],
    })
    response.assertFlashMessage('title', VALID.title)
    assert.equal(await countRows('bounties'), 0)
    assert.equal(await countRows('bounty_events'), 0)
    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })
  })
})

test.group('Editing, publishing and deleting a bounty', (group) => {
  isolateDatabase(group)

  test('the edit form is filled in from the bounty', async ({ client, assert }) => {
    await Category.create({ name: 'Docs', slug: 'docs' })
    const poster = await funded('500.00')
    const bounty = await postBounty(poster, {
      tags: ['b-tag', 'a-tag'],
      category: 'docs',
      estimatedHours: 4,
      deadline: DateTime.utc().set({ year: 2031, month: 2, day: 3, hour: 4, minute: 5, second: 0 }),
    })

    const response = await client.get(urlFor('bounties.edit', { id: bounty.id })).loginAs(poster)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'value="Fix the login page"')
    assert.include(html, 'value="a-tag, b-tag"')
    assert.include(html, 'value="2031-02-03T04:05"')
    assert.include(html, '<option value="docs" selected>Docs</option>')
    assert.include(html, 'name="estimatedHours" type="number" value="4"')
    assert.include(html, 'The **submit** button hides below the fold.</textarea>')
  })

  test('saving changes the bounty; a new reward swaps the escrow', async ({ client, assert }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster, { tags: ['old'] })

    const response = await submit(
      client,
      poster,
      'put',
      urlFor('bounties.update', { id: bounty.id }),
      {
        form: { ...VALID, title: 'New title', bountyAmount: '150.00', tags: '' },
      }
    )

    response.assertHeader('location', bountyUrl(bounty.id))
    response.assertFlashMessage('success', 'Saved.')
    await bounty.refresh()
    await bounty.load('tags')
    assert.equal(bounty.title, 'New title')
    assert.equal(bounty.bountyAmount.toString(), '150.00')
    assert.lengthOf(bounty.tags, 0)
    assert.deepEqual(await balancesOf(poster), { balance: '350.00', held: '150.00' })
    await assertLedgerClean(assert)
  })

  test('only the poster (or a Leader) may edit; others are refused with a message', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    const other = await member('pillar')

    const page = await client.get(urlFor('bounties.edit', { id: bounty.id })).loginAs(other)
    page.assertStatus(403)
    page.assertTextIncludes('Only the poster can edit this bounty')
    const save = await submit(client, other, 'put', urlFor('bounties.update', { id: bounty.id }), {
      from: bountyUrl(bounty.id),
      form: VALID,
    })
    save.assertHeader('location', bountyUrl(bounty.id))
    save.assertFlashMessage('error', 'Only the poster can edit this bounty')
    const leader = await member('admin')
    assert.equal(await statusOf(client, urlFor('bounties.edit', { id: bounty.id }), leader), 200)
  })

  test('editing while someone works on it is refused with a message; nothing changes', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(await member(), bounty)

    const response = await submit(
      client,
      poster,
      'put',
      urlFor('bounties.update', { id: bounty.id }),
      {
        from: urlFor('bounties.edit', { id: bounty.id }),
        form: { ...VALID, title: 'Changed' },
      }
    )

    response.assertStatus(302)
    response.assertHeader('location', urlFor('bounties.edit', { id: bounty.id }))
    response.assertFlashMessage(
      'error',
      'This bounty cannot be edited while someone is working on it'
    )
    await bounty.refresh()
    assert.equal(bounty.title, 'Fix the login page')
  })

  test('a draft publishes from its edit form or its page, escrowing the reward', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const first = await postBounty(poster, { draft: true })
    const second = await postBounty(poster, { draft: true })

    const edited = await submit(
      client,
      poster,
      'put',
      urlFor('bounties.update', { id: first.id }),
      {
        form: { ...VALID, draft: 'false' },
      }
    )
    edited.assertFlashMessage(
      'success',
      'Bounty published: 120.50 is held in escrow until the work is approved.'
    )
    const published = await submit(
      client,
      poster,
      'post',
      urlFor('bounty_publications.store', { id: second.id })
    )
    published.assertHeader('location', bountyUrl(second.id))

    await first.refresh()
    await second.refresh()
    assert.isFalse(first.isDraft)
    assert.isFalse(second.isDraft)
    assert.deepEqual(await balancesOf(poster), { balance: '279.50', held: '220.50' })
  })

  test('publishing a draft the wallet cannot cover shows the shortfall', async ({
    client,
    assert,
  }) => {
    const poster = await funded('10.00')
    const draft = await postBounty(poster, { draft: true })

    const response = await submit(
      client,
      poster,
      'post',
      urlFor('bounty_publications.store', { id: draft.id }),
      { from: bountyUrl(draft.id) }
    )

    response.assertHeader('location', bountyUrl(draft.id))
    assert.deepEqual(fieldErrors(response), {
      bountyAmount: ['Your wallet cannot cover the reward: 100.00 is needed, 10.00 is available'],
    })
    await draft.refresh()
    assert.isTrue(draft.isDraft)
    const page = await client
      .get(bountyUrl(draft.id))
      .loginAs(poster)
      .withFlashMessages({ inputErrorsBag: fieldErrors(response) })
    page.assertTextIncludes('Your wallet cannot cover the reward')
  })

  test('deleting a draft removes it; deleting a published bounty refunds it', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const draft = await postBounty(poster, { draft: true })
    const published = await postBounty(poster)

    const gone = await submit(
      client,
      poster,
      'delete',
      urlFor('bounties.destroy', { id: draft.id })
    )
    gone.assertHeader('location', urlFor('drafts.index'))
    gone.assertFlashMessage('success', 'Draft deleted.')
    assert.isNull(await Bounty.find(draft.id))

    const hidden = await submit(
      client,
      poster,
      'delete',
      urlFor('bounties.destroy', { id: published.id })
    )
    hidden.assertHeader('location', '/')
    hidden.assertFlashMessage(
      'success',
      '“Fix the login page” was deleted and its escrow refunded.'
    )
    await published.refresh()
    assert.isNotNull(published.deletedAt)
    assert.deepEqual(await balancesOf(poster), { balance: '500.00', held: '0.00' })
    assert.equal(await statusOf(client, bountyUrl(published.id), poster), 404)
  })

  test('deleting is refused while someone works on it, and to other members', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    const other = await member()

    const denied = await submit(
      client,
      other,
      'delete',
      urlFor('bounties.destroy', { id: bounty.id })
    )
    denied.assertFlashMessage('error', 'Only the poster can delete this bounty')
    await bounty.refresh()
    assert.isNull(bounty.deletedAt)

    await ClaimBounty.handle(other, bounty)
    const busy = await submit(
      client,
      poster,
      'delete',
      urlFor('bounties.destroy', { id: bounty.id }),
      {
        from: bountyUrl(bounty.id),
      }
    )
    busy.assertHeader('location', bountyUrl(bounty.id))
    busy.assertFlashMessage('error', 'This bounty cannot be deleted while someone is working on it')
    await bounty.refresh()
    assert.isNull(bounty.deletedAt)
  })
})
