import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import Money from '#ledger/money'
import Notification from '#models/notification'
import type Transaction from '#models/transaction'
import AddComment from '#actions/bounties/add_comment'
import ApproveWork from '#actions/bounties/approve_work'
import CancelBounty from '#actions/bounties/cancel_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import RequestChanges from '#actions/bounties/request_changes'
import SubmitWork from '#actions/bounties/submit_work'
import DepositFunds from '#actions/treasury/deposit_funds'
import RejectWithdrawal from '#actions/treasury/reject_withdrawal'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import BountyWatcher from '#models/bounty_watcher'
import { liveChannels } from '#services/broadcast'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { Credentials, EventStream } from '#tests/helpers/live'
import { isolateDatabase } from '#tests/helpers/database'
import type User from '#models/user'
import { teamOf } from '#tests/helpers/teams'

async function listening(...members: User[]) {
  return Promise.all(
    members.map(async (someone) => {
      const stream = await EventStream.open(await Credentials.bearerFor(someone))
      await stream.subscribe(liveChannels.notifications(someone.id))
      return stream
    })
  )
}

/**
 * The notifications these events sent a member. Badges a member earns along
 * the way (first bounty posted, first tip sent) are announced on their own
 * and tested in tests/functional/gamification/badges.spec.ts.
 */
function typesOf(userId: string) {
  return Notification.query()
    .where('user_id', userId)
    .whereNot('type', 'badge.awarded')
    .orderBy('created_at')
    .then((rows) => rows.map((row) => row.type))
}

test.group('Money events notify', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a tip sent over the API reaches the recipient live; the sender hears nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sender = await funded('50.00')
    const [recipient, outsider] = [await member(), await member()]
    const streams = await listening(sender, recipient, outsider)
    cleanup(() => streams.forEach((stream) => stream.close()))

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', await bearerFor(sender))
      .json({ toUserId: recipient.id, amount: '5.00', message: 'Great review' })
    response.assertStatus(201)

    const event = await streams[1].next(liveChannels.notifications(recipient.id))
    assert.equal(event.notification.type, 'tip.received')
    assert.equal(event.notification.title, `@${sender.username} tipped you 5.00`)
    assert.equal(event.notification.message, 'Great review')
    assert.equal(event.unreadCount, 1)
    assert.deepEqual(await streams[0].received(liveChannels.notifications(sender.id)), [])
    assert.deepEqual(await streams[2].received(liveChannels.notifications(outsider.id), 0), [])
    assert.deepEqual(await typesOf(sender.id), [])
  })

  test('deposits and withdrawal decisions notify the member', async ({ assert }) => {
    const admin = await member('admin')
    const saver = await funded('100.00')

    await DepositFunds.handle(
      { user: admin, ip: null },
      { recipient: saver, amount: Money.parse('20.00'), description: 'Q3 bonus' }
    )
    const withdrawal = await RequestWithdrawal.handle(saver, { amount: Money.parse('30.00') })
    await RejectWithdrawal.handle({ user: admin, ip: null }, withdrawal as Transaction, {
      reason: 'Bank details missing',
    })

    const stored = await Notification.query().where('user_id', saver.id).orderBy('created_at')
    assert.deepEqual(
      stored.map((notification) => notification.type),
      ['wallet.deposit', 'withdrawal.rejected']
    )
    assert.equal(stored[0].title, '20.00 was credited to your wallet')
    assert.include(stored[1].message, 'Bank details missing')
    assert.deepEqual(await typesOf(admin.id), [])
  })
})

test.group('Bounty events notify', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('claim, submit, changes, approve: each reaches whom it concerns, never its actor', async ({
    assert,
  }) => {
    const poster = await funded('500.00')
    const [worker, watcher, bystander] = [await member(), await member(), await member()]
    const bounty = await postBounty(poster, { title: 'Onboarding guide' })
    await BountyWatcher.setLevel(watcher.id, bounty.id, 'watching')

    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Draft ready' })
    await RequestChanges.handle(poster, bounty, { reason: 'Add screenshots' })
    await SubmitWork.handle(worker, bounty, { note: 'With screenshots' })
    await ApproveWork.handle(poster, bounty)

    assert.deepEqual(await typesOf(poster.id), [
      'bounty.claimed',
      'bounty.submitted',
      'bounty.submitted',
    ])
    assert.deepEqual(await typesOf(worker.id), ['bounty.changes_requested', 'bounty.approved'])
    assert.deepEqual(await typesOf(watcher.id), [
      'bounty.claimed',
      'bounty.submitted',
      'bounty.changes_requested',
      'bounty.submitted',
      'bounty.approved',
    ])
    assert.deepEqual(await typesOf(bystander.id), [])

    const approved = await Notification.query()
      .where('user_id', worker.id)
      .where('type', 'bounty.approved')
      .firstOrFail()
    assert.equal(approved.title, 'Your work on “Onboarding guide” was approved')
    assert.include(approved.message, '100.00')
    assert.equal(approved.url, `/bounties/${bounty.id}`)
    const watched = await Notification.query()
      .where('user_id', watcher.id)
      .where('type', 'bounty.approved')
      .firstOrFail()
    assert.equal(watched.title, '“Onboarding guide” was approved')
  })

  test('the bounty page follows its state and comments live; the board its new bounties', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const worker = await member()
    const page = await EventStream.open(await Credentials.visitor())
    cleanup(() => page.close())
    await page.subscribe(liveChannels.board)

    const bounty = await postBounty(poster, { title: 'Live one' })
    const published = await page.next(liveChannels.board)
    assert.equal(published.type, 'bounty.published')
    assert.equal(published.bounty.id, bounty.id)
    assert.equal(published.bounty.title, 'Live one')

    assert.equal(await page.subscribe(liveChannels.bounty(bounty.id)), 204)
    await ClaimBounty.handle(worker, bounty)
    const updated = await page.next(liveChannels.bounty(bounty.id))
    assert.equal(updated.type, 'bounty.updated')
    assert.equal(updated.bounty.status, 'IN_PROGRESS')
    assert.equal(updated.bounty.assignee.id, worker.id)

    await AddComment.handle(worker, bounty, { content: 'On it, **today**' })
    const comment = await page.next(
      liveChannels.bounty(bounty.id),
      (m) => m.type === 'comment.created'
    )
    assert.equal(comment.comment.author.username, worker.username)
    assert.include(comment.comment.contentHtml, '<strong>today</strong>')
  })

  test('drafts and team-only bounties never reach the board', async ({ assert, cleanup }) => {
    const poster = await funded('500.00')
    const team = await teamOf([poster])
    const page = await EventStream.open(await Credentials.visitor())
    cleanup(() => page.close())
    await page.subscribe(liveChannels.board)

    await postBounty(poster, { title: 'Draft', draft: true })
    await postBounty(poster, { title: 'Team only', teamId: team.id })
    await postBounty(poster, { title: 'For everyone' })

    const seen = await page.received(liveChannels.board)
    assert.deepEqual(
      seen.map((message) => message.bounty.title),
      ['For everyone']
    )
  })

  test('a comment mentions once and notifies the poster and workers once', async ({ assert }) => {
    const poster = await funded('500.00')
    const [worker, friend] = [await member(), await member()]
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)

    await AddComment.handle(poster, bounty, {
      content: `@${friend.username} @${worker.username} look`,
    })

    assert.deepEqual(await typesOf(friend.id), ['mention'])
    assert.deepEqual(await typesOf(worker.id), ['mention'])
    assert.deepEqual(await typesOf(poster.id), ['bounty.claimed'])
    const mention = await Notification.findByOrFail('user_id', friend.id)
    assert.equal(mention.title, `@${poster.username} mentioned you on “${bounty.title}”`)
  })

  test('a poster who muted their bounty is not told it was claimed', async ({ assert }) => {
    const poster = await funded('500.00')
    const worker = await member()
    const bounty = await postBounty(poster)
    await BountyWatcher.setLevel(poster.id, bounty.id, 'muted')

    await ClaimBounty.handle(worker, bounty)

    assert.deepEqual(await typesOf(poster.id), [])
  })

  test('an admin cancelling a bounty tells its poster', async ({ assert }) => {
    const poster = await funded('500.00')
    const admin = await member('admin')
    const bounty = await postBounty(poster)

    await CancelBounty.handle(admin, bounty, { reason: 'Duplicate' })

    assert.deepEqual(await typesOf(poster.id), ['bounty.cancelled'])
    const cancelled = await Notification.query()
      .where({ user_id: poster.id, type: 'bounty.cancelled' })
      .firstOrFail()
    assert.include(cancelled.message, 'Duplicate')
  })
})
