import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Attachment from '#models/attachment'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountyComment from '#models/bounty_comment'
import BountyMention from '#models/bounty_mention'
import BountySubmission from '#models/bounty_submission'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { assertLedgerClean, funded, member, postBounty, workedOn } from '#tests/helpers/bounties'
import { balancesOf } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'
import {
  FAKE_PNG,
  PDF,
  PNG,
  bountyUrl,
  fieldErrors,
  htmlOf,
  submit,
} from '#tests/helpers/bounty_pages'

test.group('Claiming, assigning and abandoning from the page', (group) => {
  isolateDatabase(group)

  test('a member claims a bounty and is told what comes next', async ({ client, assert }) => {
    const bounty = await postBounty(await funded('100.00'))
    const worker = await member()

    const response = await submit(
      client,
      worker,
      'post',
      urlFor('bounty_claims.store', { id: bounty.id })
    )

    response.assertHeader('location', bountyUrl(bounty.id))
    response.assertFlashMessage('success', 'It is yours: submit your work here when it is ready.')
    await bounty.refresh()
    assert.equal(bounty.status, 'IN_PROGRESS')
    assert.equal(bounty.assignedTo, worker.id)
  })

  test('claims the state or the policy refuse come back as a message; nothing changes', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const from = bountyUrl(bounty.id)
    const url = urlFor('bounty_claims.store', { id: bounty.id })

    const own = await submit(client, poster, 'post', url, { from })
    own.assertHeader('location', from)
    own.assertFlashMessage('error', 'You cannot claim your own bounty')

    const unverified = await submit(client, await member('unverified'), 'post', url, { from })
    unverified.assertFlashMessage(
      'error',
      'Verify your email address first: unverified accounts can only browse'
    )

    await ClaimBounty.handle(await member(), bounty)
    const late = await submit(client, await member(), 'post', url, { from })
    late.assertFlashMessage('error', 'Someone else is already working on this bounty')
    assert.equal(await countRows('bounty_claims', { bounty_id: bounty.id }), 1)

    const guest = await client.post(url).withCsrfToken().redirects(0)
    guest.assertHeader('location', '/login')
  })

  test('the poster assigns by username; unknown or ineligible members show under the field', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const url = urlFor('bounty_assignments.store', { id: bounty.id })
    const from = bountyUrl(bounty.id)

    const unknown = await submit(client, poster, 'post', url, {
      from,
      form: { username: 'nobody_here' },
    })
    assert.deepEqual(fieldErrors(unknown), { username: ['No active member goes by that username'] })

    const self = await submit(client, poster, 'post', url, {
      from,
      form: { username: poster.username },
    })
    assert.deepEqual(fieldErrors(self), { userId: ['The poster cannot work on their own bounty'] })

    const unverified = await member('unverified')
    const notYet = await submit(client, poster, 'post', url, {
      from,
      form: { username: unverified.username },
    })
    assert.match(fieldErrors(notYet).userId[0], /has not verified their email address/)
    assert.equal(await countRows('bounty_claims'), 0)

    const page = await client
      .get(from)
      .loginAs(poster)
      .withFlashMessages({
        inputErrorsBag: fieldErrors(self),
      })
    page.assertTextIncludes('The poster cannot work on their own bounty')

    const worker = await member()
    const assigned = await submit(client, poster, 'post', url, {
      from,
      form: { username: `@${worker.username.toUpperCase()}` },
    })
    assigned.assertFlashMessage('success', `Assigned to @${worker.username}.`)
    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)
    assert.equal(claim.userId, worker.id)
    assert.equal(claim.assignedById, poster.id)
  })

  test('members who are not reviewers cannot assign', async ({ client, assert }) => {
    const bounty = await postBounty(await funded('100.00'))
    const other = await member()
    const response = await submit(
      client,
      other,
      'post',
      urlFor('bounty_assignments.store', { id: bounty.id }),
      {
        form: { username: other.username },
      }
    )
    response.assertFlashMessage(
      'error',
      'Only the poster or a Pillar of its team can assign this bounty'
    )
    assert.equal(await countRows('bounty_claims'), 0)
  })

  test('the assignee abandons and the bounty is available again', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'claimed')

    const stranger = await submit(
      client,
      poster,
      'delete',
      urlFor('bounty_claims.destroy', { id: bounty.id })
    )
    stranger.assertFlashMessage('error', 'Only the assignee can abandon this bounty')

    const response = await submit(
      client,
      worker,
      'delete',
      urlFor('bounty_claims.destroy', { id: bounty.id })
    )
    response.assertFlashMessage('success', 'You are no longer working on this bounty.')
    await bounty.refresh()
    assert.equal(bounty.status, 'AVAILABLE')
    assert.isNull(bounty.assignedTo)
  })
})

test.group('Delivering and reviewing work from the page', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('the assignee submits a note with files; they belong to the submission', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'claimed')

    const response = await client
      .post(urlFor('bounty_submissions.store', { id: bounty.id }))
      .field('note', 'Fixed in **#42**')
      .file('files[]', PNG, { filename: 'before.png' })
      .file('files[]', Buffer.from('log line\n'), { filename: 'run.log' })
      .withCsrfToken()
      .loginAs(worker)
      .redirects(0)

    response.assertHeader('location', bountyUrl(bounty.id))
    response.assertFlashMessage('success', 'Work submitted for review.')
    const submission = await BountySubmission.query().preload('attachments').firstOrFail()
    assert.equal(submission.noteHtml, '<p>Fixed in <strong>#42</strong></p>')
    assert.sameMembers(
      submission.attachments.map((file) => file.filename),
      ['before.png', 'run.log']
    )
    assert.isTrue(submission.attachments.every((file) => file.bountyId === bounty.id))
    await bounty.refresh()
    assert.equal(bounty.status, 'REVIEW')

    const page = await htmlOf(client, bountyUrl(bounty.id), poster)
    const file = submission.attachments.find((one) => one.filename === 'before.png')!
    assert.include(page, `href="${urlFor('files.show', { id: file.id })}">before.png</a>`)
  })

  test('a file that is not what it claims is refused under the field, and nothing is kept', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'claimed')

    const response = await client
      .post(urlFor('bounty_submissions.store', { id: bounty.id }))
      .field('note', 'Here it is')
      .file('files[]', PNG, { filename: 'good.png' })
      .file('files[]', FAKE_PNG, { filename: 'bad.png' })
      .withCsrfToken()
      .loginAs(worker)
      .header('referer', bountyUrl(bounty.id))
      .redirects(0)

    response.assertHeader('location', bountyUrl(bounty.id))
    assert.deepEqual(fieldErrors(response), {
      'files.1': ['Attach images, PDF, text or ZIP files'],
    })
    assert.equal(await countRows('attachments'), 0)
    assert.equal(await countRows('bounty_submissions'), 0)
    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)
    assert.equal(claim.status, 'IN_PROGRESS')

    const disguised = await client
      .post(urlFor('bounty_submissions.store', { id: bounty.id }))
      .field('note', 'Here it is')
      .file('files[]', PNG, { filename: 'good.png' })
      .file('files[]', PDF, { filename: 'sneaky.png' })
      .withCsrfToken()
      .loginAs(worker)
      .redirects(0)
    assert.deepEqual(fieldErrors(disguised), {
      file: ['The file content does not match its type (images, PDF, text or ZIP)'],
    })
    assert.equal(await countRows('attachments'), 0)
    assert.equal(await countRows('bounty_submissions'), 0)

    const empty = await submit(
      client,
      worker,
      'post',
      urlFor('bounty_submissions.store', { id: bounty.id }),
      {
        form: { note: '' },
      }
    )
    assert.deepEqual(Object.keys(fieldErrors(empty)), ['note'])

    const page = await client
      .get(bountyUrl(bounty.id))
      .loginAs(worker)
      .withFlashMessages({ inputErrorsBag: fieldErrors(response) })
    page.assertTextIncludes('Attach images, PDF, text or ZIP files')
  })

  test('submitting twice, or someone else’s work, is refused with a message', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'submitted')
    const url = urlFor('bounty_submissions.store', { id: bounty.id })

    const again = await submit(client, worker, 'post', url, { form: { note: 'More' } })
    again.assertFlashMessage('error', 'Your work was already submitted and is awaiting review')
    const other = await submit(client, await member(), 'post', url, { form: { note: 'Mine' } })
    other.assertFlashMessage('error', 'Only the assignee can submit work')
    assert.equal(await countRows('bounty_submissions'), 1)
  })

  test('approving pays the assignee from escrow, once', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'submitted')
    const url = urlFor('bounty_approvals.store', { id: bounty.id })

    const denied = await submit(client, await member(), 'post', url, {
      form: { userId: worker.id },
    })
    denied.assertFlashMessage(
      'error',
      'Only the poster or a Pillar of its team can approve this work'
    )

    const approved = await submit(client, poster, 'post', url, { form: { userId: worker.id } })
    approved.assertHeader('location', bountyUrl(bounty.id))
    approved.assertFlashMessage('success', 'Work approved: 100.00 paid from escrow.')
    const twice = await submit(client, poster, 'post', url, { form: { userId: worker.id } })
    twice.assertFlashMessage('error', 'This work was already approved and paid')

    await bounty.refresh()
    assert.equal(bounty.status, 'COMPLETED')
    assert.deepEqual(await balancesOf(worker), { balance: '100.00', held: '0.00' })
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '0.00' })
    await assertLedgerClean(assert)
  })

  test('requesting changes needs a reason and sends the work back', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await workedOn(poster, worker, 'submitted')
    const url = urlFor('bounty_change_requests.store', { id: bounty.id })

    const blank = await submit(client, poster, 'post', url, {
      form: { reason: '', userId: worker.id },
    })
    assert.deepEqual(Object.keys(fieldErrors(blank)), ['reason'])

    const response = await submit(client, poster, 'post', url, {
      form: { reason: 'Add a screenshot', userId: worker.id },
    })
    response.assertFlashMessage('success', 'Changes requested: the work is back in progress.')
    const submission = await BountySubmission.firstOrFail()
    assert.equal(submission.review, 'CHANGES_REQUESTED')
    assert.equal(submission.reviewReason, 'Add a screenshot')
    await bounty.refresh()
    assert.equal(bounty.status, 'IN_PROGRESS')

    const again = await submit(client, poster, 'post', url, {
      form: { reason: 'Again', userId: worker.id },
    })
    again.assertFlashMessage(
      'error',
      'There is no submitted work to review yet: the assignee is still working on it'
    )
  })
})

test.group('Cancelling, commenting and files from the page', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('the poster cancels with a reason; the escrow comes back', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const url = urlFor('bounty_cancellations.store', { id: bounty.id })

    const other = await submit(client, await member(), 'post', url, {
      form: { reason: 'Mine now' },
    })
    other.assertFlashMessage('error', 'Only the poster can cancel this bounty')

    const response = await submit(client, poster, 'post', url, { form: { reason: 'Not needed' } })
    response.assertFlashMessage(
      'success',
      'Bounty cancelled. Its unused escrow went back to the poster’s wallet.'
    )
    await bounty.refresh()
    assert.equal(bounty.status, 'CANCELLED')
    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })

    const page = await htmlOf(client, bountyUrl(bounty.id))
    assert.include(page, `@${poster.username} cancelled it`)
    assert.include(page, '“Not needed”')
    assert.include(page, '100.00 returned to the poster')
  })

  test('cancelling while someone works on it is refused with the reason', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await workedOn(poster, await member(), 'claimed')

    const response = await submit(
      client,
      poster,
      'post',
      urlFor('bounty_cancellations.store', { id: bounty.id }),
      {
        from: bountyUrl(bounty.id),
      }
    )
    response.assertHeader('location', bountyUrl(bounty.id))
    response.assertFlashMessage(
      'error',
      'This bounty cannot be cancelled while someone is working on it'
    )
    await bounty.refresh()
    assert.equal(bounty.status, 'IN_PROGRESS')
  })

  test('a comment in markdown records its mentions and lands on the comment', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const author = await member()

    const response = await submit(
      client,
      author,
      'post',
      urlFor('bounty_comments.store', { id: bounty.id }),
      {
        form: { content: `Question for @${poster.username}: **which** browser?` },
      }
    )

    const comment = await BountyComment.firstOrFail()
    response.assertHeader('location', `${bountyUrl(bounty.id)}#comment-${comment.id}`)
    response.assertFlashMessage('success', 'Comment added.')
    assert.include(comment.contentHtml, '<strong>which</strong>')
    const mention = await BountyMention.firstOrFail()
    assert.equal(mention.userId, poster.id)

    const blank = await submit(
      client,
      author,
      'post',
      urlFor('bounty_comments.store', { id: bounty.id }),
      {
        form: { content: '   ' },
      }
    )
    assert.deepEqual(Object.keys(fieldErrors(blank)), ['content'])
    const unverified = await submit(
      client,
      await member('unverified'),
      'post',
      urlFor('bounty_comments.store', { id: bounty.id }),
      { form: { content: 'Hi' } }
    )
    unverified.assertFlashMessage(
      'error',
      'Verify your email address first: unverified accounts can only browse'
    )
    assert.equal(await countRows('bounty_comments'), 1)
  })

  test('nobody comments on a bounty they cannot see', async ({ client, assert }) => {
    const draft = await postBounty(await funded('100.00'), { draft: true })
    const response = await submit(
      client,
      await member(),
      'post',
      urlFor('bounty_comments.store', { id: draft.id }),
      {
        form: { content: 'Peek' },
      }
    )
    response.assertStatus(404)
    assert.equal(await countRows('bounty_comments'), 0)
  })

  test('the poster adds and deletes files of the bounty; others cannot', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const url = urlFor('bounty_attachments.store', { id: bounty.id })

    const other = await client
      .post(url)
      .file('file', PNG, { filename: 'x.png' })
      .withCsrfToken()
      .loginAs(await member())
      .redirects(0)
    other.assertFlashMessage('error', 'Only the poster can add files to this bounty')

    const added = await client
      .post(url)
      .file('file', PNG, { filename: 'mockup.png' })
      .withCsrfToken()
      .loginAs(poster)
      .redirects(0)
    added.assertFlashMessage('success', 'mockup.png added.')
    const file = await Attachment.firstOrFail()
    assert.equal(file.bountyId, bounty.id)
    assert.include(await htmlOf(client, bountyUrl(bounty.id)), 'mockup.png')

    const denied = await submit(
      client,
      await member(),
      'delete',
      urlFor('bounty_attachments.destroy', { id: file.id })
    )
    denied.assertFlashMessage('error', 'Only the uploader can delete this file')
    const deleted = await submit(
      client,
      poster,
      'delete',
      urlFor('bounty_attachments.destroy', { id: file.id }),
      {
        from: bountyUrl(bounty.id),
      }
    )
    deleted.assertHeader('location', bountyUrl(bounty.id))
    deleted.assertFlashMessage('success', 'mockup.png deleted.')
    assert.equal(await countRows('attachments'), 0)
  })
})

test.group('The whole flow through the pages', (group) => {
  isolateDatabase(group)

  test('post, claim, submit, request changes, resubmit, approve: the money follows', async ({
    client,
    assert,
  }) => {
    const poster = await funded('300.00')
    const worker = await member()

    await submit(client, poster, 'post', urlFor('bounties.store'), {
      form: {
        title: 'Translate the help page',
        description: 'Into French',
        bountyAmount: '80',
        draft: 'false',
        tags: '',
      },
    })
    const bounty = await Bounty.findByOrFail('created_by', poster.id)
    await submit(client, worker, 'post', urlFor('bounty_claims.store', { id: bounty.id }))
    await submit(client, worker, 'post', urlFor('bounty_submissions.store', { id: bounty.id }), {
      form: { note: 'Done' },
    })
    await submit(
      client,
      poster,
      'post',
      urlFor('bounty_change_requests.store', { id: bounty.id }),
      {
        form: { reason: 'The footer is still in English', userId: worker.id },
      }
    )
    await SubmitWork.handle(worker, bounty, { note: 'Footer too' })
    await submit(client, poster, 'post', urlFor('bounty_approvals.store', { id: bounty.id }), {
      form: { userId: worker.id },
    })

    await bounty.refresh()
    assert.equal(bounty.status, 'COMPLETED')
    assert.deepEqual(await balancesOf(poster), { balance: '220.00', held: '0.00' })
    assert.deepEqual(await balancesOf(worker), { balance: '80.00', held: '0.00' })
    await assertLedgerClean(assert)
  })
})
