import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import Attachment from '#models/attachment'
import AddComment from '#actions/bounties/add_comment'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import RequestChanges from '#actions/bounties/request_changes'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty, workedOn } from '#tests/helpers/bounties'
import { XSS, bountyUrl, htmlOf, statusOf } from '#tests/helpers/bounty_pages'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'

test.group('Bounty page', (group) => {
  isolateDatabase(group)

  test('shows the description, reward, people, deadline, details and timeline', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const [worker, reader] = [await member(), await member()]
    const bounty = await postBounty(poster, {
      title: 'Fix the footer',
      description: 'It **overlaps** the content.\n\n- on phones\n- on tablets',
      bountyAmount: Money.parse('75.00'),
      estimatedHours: 3,
      tags: ['css'],
      deadline: DateTime.utc().plus({ days: 10 }),
    })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    await ApproveWork.handle(poster, bounty)

    const response = await client.get(bountyUrl(bounty.id)).loginAs(reader)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1 class="bounty-head__title">Fix the footer</h1>')
    assert.include(html, '<p>It <strong>overlaps</strong> the content.</p>')
    assert.include(html, '<span class="reward__amount">75.00</span>')
    assert.include(html, 'data-live-bounty-status')
    assert.include(html, `data-live-bounty="${bounty.id}"`)
    assert.include(html, 'data-live-comments')
    assert.match(html, /class="status status--completed"[^>]*>Completed</)
    assert.include(html, worker.displayName)
    assert.include(html, 'Delivered and paid')
    assert.include(html, '3 hours')
    for (const line of [
      `@${poster.username} created this bounty`,
      '75.00 held in escrow',
      `@${poster.username} published it`,
      `@${worker.username} claimed it`,
      `@${worker.username} submitted work`,
      `@${poster.username} approved the work of @${worker.username}`,
      `75.00 paid to @${worker.username}`,
    ]) {
      assert.include(html, line)
    }
  })

  test('guests see public bounties, with a way to log in instead of the buttons', async ({
    client,
    assert,
  }) => {
    const bounty = await postBounty(await funded('100.00'))

    const response = await client.get(bountyUrl(bounty.id))

    response.assertStatus(200)
    response.assertTextIncludes('Log in to claim')
    response.assertTextIncludes('to join the discussion')
    assert.notInclude(response.text(), 'Claim this bounty')
    assert.notInclude(response.text(), 'name="level"')
  })

  test('each viewer sees only the buttons the policy and the state allow', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const [other, pillar, unverified] = [
      await member(),
      await member('pillar'),
      await member('unverified'),
    ]
    const bounty = await postBounty(poster)
    const url = bountyUrl(bounty.id)

    const asMember = await htmlOf(client, url, other)
    assert.include(asMember, 'Claim this bounty')
    assert.notInclude(asMember, '>Edit</a>')
    assert.notInclude(asMember, 'Cancel this bounty')
    assert.notInclude(asMember, 'Assign to a member')
    assert.include(asMember, 'name="content"')

    const asPoster = await htmlOf(client, url, poster)
    assert.notInclude(asPoster, 'Claim this bounty')
    for (const control of [
      '>Edit</a>',
      'Cancel this bounty',
      'Delete this bounty',
      'Assign to a member',
      'Add a file',
    ]) {
      assert.include(asPoster, control)
    }
    assert.include(asPoster, 'Cancel and refund 100.00')

    const asPillar = await htmlOf(client, url, pillar)
    assert.notInclude(asPillar, 'Assign to a member', 'Pillars assign only their teams’ bounties')
    assert.include(asPillar, 'Claim this bounty')
    assert.notInclude(asPillar, 'Cancel this bounty')

    const asUnverified = await htmlOf(client, url, unverified)
    assert.notInclude(asUnverified, 'Claim this bounty')
    assert.include(asUnverified, 'Confirm your email address to join the discussion.')

    await ClaimBounty.handle(other, bounty)
    const working = await htmlOf(client, url, other)
    assert.include(working, 'Deliver your work')
    assert.include(working, 'Abandon this bounty')
    assert.notInclude(working, 'Claim this bounty')
    const posterWhileWorked = await htmlOf(client, url, poster)
    assert.notInclude(posterWhileWorked, '>Edit</a>')
    assert.notInclude(posterWhileWorked, 'Cancel this bounty')
    assert.notInclude(posterWhileWorked, 'Delete this bounty')
  })

  test('the reviewer sees submitted work with approve and request-changes forms', async ({
    client,
    assert,
  }) => {
    const poster = await funded('500.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'submitted')

    const asPoster = await htmlOf(client, bountyUrl(bounty.id), poster)
    assert.include(asPoster, 'Submitted work')
    assert.include(asPoster, 'Awaiting review')
    assert.include(asPoster, 'Approve and pay 100.00')
    assert.include(asPoster, 'Send back with changes')
    assert.include(asPoster, `name="userId" value="${worker.id}"`)

    const asOther = await htmlOf(client, bountyUrl(bounty.id), await member())
    assert.notInclude(asOther, 'Submitted work')

    await RequestChanges.handle(poster, bounty, { reason: 'Please add a test' })
    const asWorker = await htmlOf(client, bountyUrl(bounty.id), worker)
    assert.include(asWorker, 'Changes requested')
    assert.include(asWorker, 'asked for changes:</strong> Please add a test')
    assert.include(asWorker, 'Deliver your work')
  })

  test('drafts show only to their author; others get a 404', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const draft = await postBounty(poster, { draft: true })

    const own = await client.get(bountyUrl(draft.id)).loginAs(poster)
    own.assertStatus(200)
    own.assertTextIncludes('This is a draft: only you can see it.')
    own.assertTextIncludes('Publish for 100.00')

    assert.equal(await statusOf(client, bountyUrl(draft.id), await member()), 404)
    assert.equal(await statusOf(client, bountyUrl(draft.id), await member('admin')), 404)
    assert.equal(await statusOf(client, bountyUrl(draft.id)), 404)
  })

  test('team bounties are a 404 for outsiders, guests and a poster who left the team', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const teammate = await member()
    const team = await teamOf([poster, teammate])
    const bounty = await postBounty(poster, { teamId: team.id })

    assert.equal(await statusOf(client, bountyUrl(bounty.id), await member()), 404)
    assert.equal(await statusOf(client, bountyUrl(bounty.id)), 404)
    assert.equal(await statusOf(client, bountyUrl(bounty.id), poster), 200)
    assert.equal(await statusOf(client, bountyUrl(bounty.id), teammate), 200)
    assert.equal(await statusOf(client, bountyUrl(bounty.id), await member('admin')), 200)

    await removeFromTeam(team.id, poster)
    assert.equal(await statusOf(client, bountyUrl(bounty.id), poster), 404)
  })

  test('unknown and malformed ids are a 404 page', async ({ client, assert }) => {
    const missing = await client.get(bountyUrl('00000000-0000-4000-8000-000000000099'))
    missing.assertStatus(404)
    missing.assertTextIncludes('We could not find that page')
    assert.equal(await statusOf(client, '/bounties/not-a-uuid'), 404)
  })

  test('markup in titles, descriptions, comments and submissions is inert', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster, {
      title: `T ${XSS}`,
      description: `D ${XSS} [link](javascript:alert(4))`,
    })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: `N ${XSS}` })
    await AddComment.handle(worker, bounty, { content: `C ${XSS}` })

    const html = await htmlOf(client, bountyUrl(bounty.id), poster)

    assert.notInclude(html, '<script>alert')
    assert.notInclude(html, '<img src=x')
    assert.notInclude(html, 'javascript:alert')
    assert.include(html, 'T &lt;script&gt;alert(1)&lt;/script&gt;')
    assert.include(html, 'C &lt;script&gt;alert(1)&lt;/script&gt;')
    assert.include(html, 'N &lt;script&gt;alert(1)&lt;/script&gt;')
  })

  test('comments are listed oldest first, with a link to each', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const first = await AddComment.handle(poster, bounty, { content: 'First **words**' })
    await AddComment.handle(await member(), bounty, { content: 'Second' })

    const html = await htmlOf(client, bountyUrl(bounty.id))

    assert.include(html, 'Discussion <span class="muted">(2)</span>')
    assert.include(html, `id="comment-${first.id}"`)
    assert.include(html, 'First <strong>words</strong>')
    assert.isBelow(html.indexOf('First <strong>'), html.indexOf('<p>Second</p>'))
  })

  test('members pick their watch level on the page', async ({ client, assert }) => {
    const bounty = await postBounty(await funded('100.00'))
    const html = await htmlOf(client, bountyUrl(bounty.id), await member())
    assert.include(html, `action="/bounties/${bounty.id}/watch?_method=PUT"`)
    assert.include(html, '<option value="normal" selected>Normal</option>')
  })
})

test.group('Bounty files', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('the bounty’s files download through the access-checked route; work files only to reviewers', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const [worker, other] = [await member(), await member()]
    const bounty = await postBounty(poster)
    await drive.use().put('attachments/spec.txt', 'Steps')
    const spec = await Attachment.create({
      userId: poster.id,
      bountyId: bounty.id,
      filename: 'spec.txt',
      storageKey: 'attachments/spec.txt',
      fileSize: 5,
      mimeType: 'text/plain',
    })
    await ClaimBounty.handle(worker, bounty)
    await drive.use().put('attachments/work.txt', 'Work')
    const work = await Attachment.create({
      userId: worker.id,
      filename: 'work.txt',
      storageKey: 'attachments/work.txt',
      fileSize: 4,
      mimeType: 'text/plain',
    })
    await SubmitWork.handle(worker, bounty, { note: 'Here', attachmentIds: [work.id] })

    const page = await client.get(bountyUrl(bounty.id)).loginAs(other)
    assert.include(page.text(), `href="${urlFor('files.show', { id: spec.id })}">spec.txt</a>`)
    assert.notInclude(page.text(), 'work.txt')
    const reviewerPage = await client.get(bountyUrl(bounty.id)).loginAs(poster)
    assert.include(reviewerPage.text(), 'work.txt')

    const download = await client.get(urlFor('files.show', { id: spec.id })).loginAs(other)
    download.assertStatus(200)
    assert.equal(download.text(), 'Steps')
    download.assertHeader('x-content-type-options', 'nosniff')
    assert.equal(await statusOf(client, urlFor('files.show', { id: work.id }), other), 404)
    assert.equal(await statusOf(client, urlFor('files.show', { id: work.id }), poster), 200)
    const guest = await client.get(urlFor('files.show', { id: spec.id })).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')
  })
})
