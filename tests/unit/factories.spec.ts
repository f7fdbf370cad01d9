import { test } from '@japa/runner'
import { isolateDatabase } from '#tests/helpers/database'
import type { Assert } from '@japa/assert'
import Ledger, { accounts } from '#ledger/ledger'
import ApproveWork from '#actions/bounties/approve_work'
import { verifyLedger } from '#ledger/verify'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountyComment from '#models/bounty_comment'
import BountySubmission from '#models/bounty_submission'
import BountyWatcher from '#models/bounty_watcher'
import LedgerAccount from '#models/ledger_account'
import Notification from '#models/notification'
import NotificationPreference from '#models/notification_preference'
import TagWatcher from '#models/tag_watcher'
import Transaction from '#models/transaction'
import User from '#models/user'
import UserProfile from '#models/user_profile'
import UserSession from '#models/user_session'
import UserSetting from '#models/user_setting'
import UserToken from '#models/user_token'
import { AttachmentFactory } from '#database/factories/attachment_factory'
import { AuditLogFactory } from '#database/factories/audit_log_factory'
import { BountyClaimFactory } from '#database/factories/bounty_claim_factory'
import { BountyCommentFactory } from '#database/factories/bounty_comment_factory'
import { BountyEventFactory } from '#database/factories/bounty_event_factory'
import { BountyFactory } from '#database/factories/bounty_factory'
import { BountyMentionFactory } from '#database/factories/bounty_mention_factory'
import { BountySubmissionFactory } from '#database/factories/bounty_submission_factory'
import { BountyWatcherFactory } from '#database/factories/bounty_watcher_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { LedgerAccountFactory } from '#database/factories/ledger_account_factory'
import { NotificationFactory } from '#database/factories/notification_factory'
import { NotificationPreferenceFactory } from '#database/factories/notification_preference_factory'
import { TagFactory } from '#database/factories/tag_factory'
import { TagWatcherFactory } from '#database/factories/tag_watcher_factory'
import { TransactionFactory } from '#database/factories/transaction_factory'
import { UserFactory } from '#database/factories/user_factory'
import { UserProfileFactory } from '#database/factories/user_profile_factory'
import { UserSessionFactory } from '#database/factories/user_session_factory'
import { UserSettingFactory } from '#database/factories/user_setting_factory'
import { UserTokenFactory } from '#database/factories/user_token_factory'

async function walletOf(userId: string) {
  const { balance, held } = await Ledger.balances(accounts.wallet(userId))
  return { balance: balance.toString(), held: held.toString() }
}

/**
 * Whatever a factory moved, the ledger recomputed from its postings still
 * agrees with every cached balance, hold and withdrawal.
 */
async function assertLedgerClean(assert: Assert) {
  const report = await verifyLedger()
  assert.deepEqual(report.problems, [])
  assert.isTrue(report.ok)
}

test.group('Factories: accounts', (group) => {
  isolateDatabase(group)

  test('a profile is saved for a user made without one', async ({ assert }) => {
    const profile = await UserProfileFactory.create()
    const expert = await UserProfileFactory.apply('expert').create()

    const saved = await UserProfile.findOrFail(profile.userId)
    assert.equal(saved.experienceLevel, 'INTERMEDIATE')
    assert.isNotNull(saved.bio)
    assert.exists(await User.find(profile.userId))
    const expertise = await UserProfile.findOrFail(expert.userId)
    assert.equal(expertise.experienceLevel, 'EXPERT')
  })

  test('settings are saved with the defaults and each state', async ({ assert }) => {
    const plain = await UserSettingFactory.create()
    const hidden = await UserSettingFactory.apply('private').create()
    const friends = await UserSettingFactory.apply('friendsOnly').create()
    const quiet = await UserSettingFactory.apply('quiet').create()

    const saved = await UserSetting.findOrFail(plain.userId)
    assert.equal(saved.profileVisibility, 'PUBLIC')
    assert.isTrue(saved.emailNotifications)
    const visibilities = await UserSetting.query().whereIn('user_id', [
      hidden.userId,
      friends.userId,
    ])
    assert.sameMembers(
      visibilities.map((row) => row.profileVisibility),
      ['PRIVATE', 'FRIENDS_ONLY']
    )
    const muted = await UserSetting.findOrFail(quiet.userId)
    assert.isFalse(muted.emailNotifications)
    assert.isFalse(muted.pushNotifications)
  })

  test('a token is usable until used or expired', async ({ assert }) => {
    const usable = await UserTokenFactory.create()
    const used = await UserTokenFactory.apply('used').create()
    const expired = await UserTokenFactory.apply('expired').create()

    const live = await UserToken.query()
      .whereIn('id', [usable.id, used.id, expired.id])
      .whereNull('used_at')
      .where('expires_at', '>', new Date())
    assert.deepEqual(
      live.map((token) => token.id),
      [usable.id]
    )
    assert.equal(usable.purpose, 'password_reset')
    assert.lengthOf(usable.tokenHash, 64)
  })

  test('a session is live for its member until it expires; a guest has none', async ({
    assert,
  }) => {
    const session = await UserSessionFactory.create()
    const expired = await UserSessionFactory.apply('expired').create()
    const guest = await UserSessionFactory.apply('guest').create()

    const live = await UserSession.ofUser(session.userId!)
    assert.deepEqual(
      live.map((row) => row.id),
      [session.id]
    )
    assert.equal(live[0].device, 'Chrome on Linux')
    assert.lengthOf(await UserSession.ofUser(expired.userId!), 0)
    const anonymous = await UserSession.findOrFail(guest.id)
    assert.isNull(anonymous.userId)
  })
})

test.group('Factories: board', (group) => {
  isolateDatabase(group)

  test('tags and categories get unique names, a colour and a slug', async ({ assert }) => {
    const [first, second] = await TagFactory.createMany(2)
    const category = await CategoryFactory.create()

    assert.notEqual(first.name, second.name)
    assert.match(first.color, /^#[0-9A-F]{6}$/i)
    assert.match(category.slug, /^[a-z0-9-]+$/)
  })

  test('a bounty is a draft by default, with no money moved', async ({ assert }) => {
    const bounty = await BountyFactory.create()
    const draft = await BountyFactory.apply('draft').create()

    const saved = await Bounty.findOrFail(bounty.id)
    assert.isTrue(saved.isDraft)
    assert.equal(saved.status, 'AVAILABLE')
    assert.isNull(saved.escrowHoldId)
    assert.include(saved.descriptionHtml, '<strong>')
    const explicit = await Bounty.findOrFail(draft.id)
    assert.isTrue(explicit.isDraft)
    assert.deepEqual(await walletOf(bounty.createdBy), { balance: '0.00', held: '0.00' })
  })

  test('drafts can be high priority, multi-slot, categorised, tagged and discussed', async ({
    assert,
  }) => {
    const urgent = await BountyFactory.apply('highPriority').create()
    const slots = await BountyFactory.apply('multiSlot').create()
    const related = await BountyFactory.with('category')
      .with('tags', 2)
      .with('comments')
      .with('events')
      .with('attachments')
      .create()

    const drafts = await Bounty.query().whereIn('id', [urgent.id, slots.id])
    const byId = new Map(drafts.map((draft) => [draft.id, draft]))
    assert.equal(byId.get(urgent.id)?.priority, 'HIGH')
    assert.equal(byId.get(slots.id)?.maxCompletions, 3)
    const saved = await Bounty.findOrFail(related.id)
    for (const relation of ['category', 'tags', 'comments', 'events', 'attachments'] as const) {
      await saved.load(relation)
    }
    assert.exists(saved.category)
    assert.lengthOf(saved.tags, 2)
    assert.lengthOf(saved.comments, 1)
    assert.equal(saved.events[0].actorId, related.createdBy)
    assert.equal(saved.attachments[0].userId, related.createdBy)
  })

  test('an available bounty is published with its reward escrowed', async ({ assert }) => {
    const bounty = await BountyFactory.apply('available').create()
    const urgent = await BountyFactory.apply('available', 'highPriority', 'multiSlot').create()

    assert.isFalse(bounty.isDraft)
    assert.equal(bounty.status, 'AVAILABLE')
    assert.isNotNull(bounty.escrowHoldId)
    assert.isNotNull(bounty.publishedAt)
    assert.deepEqual(await walletOf(bounty.createdBy), {
      balance: '0.00',
      held: bounty.bountyAmount.toString(),
    })
    const escrow = await Ledger.balances(accounts.escrow(bounty.id))
    assert.equal(escrow.balance.toString(), bounty.bountyAmount.toString())
    const history = await Transaction.query().where('user_id', bounty.createdBy).orderBy('type')
    assert.deepEqual(
      history.map((line) => line.type),
      ['SPEND', 'DEPOSIT']
    )
    assert.equal(urgent.priority, 'HIGH')
    assert.deepEqual(await walletOf(urgent.createdBy), {
      balance: '0.00',
      held: urgent.bountyAmount.times(3).toString(),
    })
    await assertLedgerClean(assert)
  })

  test('a bounty in progress or in review has a claim in that stage', async ({ assert }) => {
    const working = await BountyFactory.apply('inProgress').create()
    const reviewing = await BountyFactory.apply('review').create()

    assert.equal(working.status, 'IN_PROGRESS')
    const claim = await BountyClaim.findByOrFail('bounty_id', working.id)
    assert.equal(claim.status, 'IN_PROGRESS')
    assert.equal(working.assignedTo, claim.userId)

    assert.equal(reviewing.status, 'REVIEW')
    const submission = await BountySubmission.findByOrFail('bounty_id', reviewing.id)
    assert.equal(submission.review, 'PENDING')
    assert.equal(reviewing.assignedTo, submission.userId)
    await assertLedgerClean(assert)
  })

  test('a bounty in review is completed by ApproveWork after create()', async ({ assert }) => {
    const bounty = await BountyFactory.apply('review').create()
    const poster = await User.findOrFail(bounty.createdBy)

    const completed = await ApproveWork.handle(poster, bounty)

    assert.equal(completed.status, 'COMPLETED')
    assert.deepEqual(await walletOf(completed.assignedTo!), {
      balance: bounty.bountyAmount.toString(),
      held: '0.00',
    })
    await assertLedgerClean(assert)
  })

  test('a cancelled bounty returned its escrow to the poster', async ({ assert }) => {
    const bounty = await BountyFactory.apply('cancelled').create()

    assert.equal(bounty.status, 'CANCELLED')
    assert.isNotNull(bounty.cancelledAt)
    assert.deepEqual(await walletOf(bounty.createdBy), {
      balance: bounty.bountyAmount.toString(),
      held: '0.00',
    })
    await assertLedgerClean(assert)
  })

  test('a claim moves its bounty along, and only on a claimable bounty', async ({ assert }) => {
    const working = await BountyClaimFactory.create()
    const reviewing = await BountyClaimFactory.apply('review').create()
    const stale = await BountyClaimFactory.apply('stale').create()
    const abandoned = await BountyClaimFactory.apply('abandoned').create()
    const expired = await BountyClaimFactory.apply('expired').create()

    const claims = [working, reviewing, stale, abandoned, expired]
    const bounties = await Bounty.query().whereIn(
      'id',
      claims.map((claim) => claim.bountyId)
    )
    const bountyOf = (claim: BountyClaim) => bounties.find(({ id }) => id === claim.bountyId)!
    assert.equal(bountyOf(working).status, 'IN_PROGRESS')
    assert.equal(bountyOf(working).assignedTo, working.userId)
    assert.equal(bountyOf(reviewing).status, 'REVIEW')
    assert.isNotNull(reviewing.submittedAt)
    assert.isTrue(stale.isStale(7))
    assert.equal(bountyOf(abandoned).status, 'AVAILABLE')
    assert.isNotNull(abandoned.endedAt)
    assert.equal(bountyOf(expired).status, 'AVAILABLE')

    const draft = await BountyFactory.create()
    await assert.rejects(
      () => BountyClaimFactory.merge({ bountyId: draft.id }).create(),
      /still a draft/
    )
    await assertLedgerClean(assert)
  })

  test('a submission follows its claim; changes requested send it back to work', async ({
    assert,
  }) => {
    const pending = await BountySubmissionFactory.create()
    const returned = await BountySubmissionFactory.apply('changesRequested').create()
    const onClaim = await BountyClaimFactory.apply('review').with('submissions').create()

    const claim = await BountyClaim.findOrFail(pending.claimId)
    assert.equal(claim.status, 'REVIEW')
    assert.equal(pending.bountyId, claim.bountyId)
    assert.equal(pending.userId, claim.userId)
    assert.include(pending.noteHtml, '<li>')

    const bounty = await Bounty.findOrFail(returned.bountyId)
    const backToWork = await BountyClaim.findOrFail(returned.claimId)
    assert.equal(backToWork.status, 'IN_PROGRESS')
    assert.equal(returned.reviewedById, bounty.createdBy)
    assert.isNotNull(returned.reviewReason)
    assert.equal(onClaim.submissions[0].userId, onClaim.userId)
    await assertLedgerClean(assert)
  })

  test('a comment is rendered, on a published bounty, with mentions and files', async ({
    assert,
  }) => {
    const comment = await BountyCommentFactory.with('mentions').with('attachments').create()

    assert.include(comment.contentHtml, '<em>')
    const bounty = await Bounty.findOrFail(comment.bountyId)
    assert.isFalse(bounty.isDraft)
    const saved = await BountyComment.findOrFail(comment.id)
    await saved.load('mentions')
    await saved.load('attachments')
    assert.equal(saved.mentions[0].mentionedById, comment.userId)
    assert.equal(saved.mentions[0].bountyId, comment.bountyId)
    assert.equal(saved.attachments[0].bountyId, comment.bountyId)
    assert.equal(saved.attachments[0].userId, comment.userId)
    await assertLedgerClean(assert)
  })

  test('a mention waits for its notification unless notified', async ({ assert }) => {
    const mention = await BountyMentionFactory.create()
    const notified = await BountyMentionFactory.apply('notified').create()

    const comment = await BountyComment.findOrFail(mention.commentId)
    assert.equal(mention.bountyId, comment.bountyId)
    assert.equal(mention.mentionedById, comment.userId)
    assert.notEqual(mention.userId, comment.userId)
    assert.isNull(mention.notifiedAt)
    assert.isNotNull(notified.notifiedAt)
    await assertLedgerClean(assert)
  })

  test('an event is on its bounty’s timeline, by its poster', async ({ assert }) => {
    const event = await BountyEventFactory.create()

    const bounty = await Bounty.query().where('id', event.bountyId).preload('events').firstOrFail()
    assert.equal(bounty.events[0].type, 'created')
    assert.equal(event.actorId, bounty.createdBy)
  })

  test('the poster watches their bounty unless muted', async ({ assert }) => {
    const watcher = await BountyWatcherFactory.create()
    const muted = await BountyWatcherFactory.apply('muted').create()

    const bounty = await Bounty.findOrFail(watcher.bountyId)
    assert.equal(watcher.userId, bounty.createdBy)
    assert.equal(await BountyWatcher.levelOf(watcher.userId, watcher.bountyId), 'watching')
    assert.equal(await BountyWatcher.levelOf(muted.userId, muted.bountyId), 'muted')
  })

  test('an upload is attached to nothing until made through its owner', async ({ assert }) => {
    const upload = await AttachmentFactory.create()
    const pdf = await AttachmentFactory.apply('pdf').create()

    assert.isNull(upload.bountyId)
    assert.isTrue(upload.isImage)
    assert.isTrue(upload.isUploadedBy({ id: upload.userId }))
    assert.equal(pdf.mimeType, 'application/pdf')
    assert.match(pdf.filename, /\.pdf$/)
    assert.notEqual(upload.storageKey, pdf.storageKey)
  })
})

test.group('Factories: notifications', (group) => {
  isolateDatabase(group)

  test('notifications are unread, read or expired', async ({ assert }) => {
    const member = await UserFactory.create()
    const unread = await NotificationFactory.merge({ userId: member.id }).create()
    await NotificationFactory.merge({ userId: member.id }).apply('unread').create()
    const read = await NotificationFactory.merge({ userId: member.id }).apply('read').create()
    const expired = await NotificationFactory.merge({ userId: member.id }).apply('expired').create()
    const withActor = await NotificationFactory.with('actor').create()

    assert.isFalse(unread.isRead)
    assert.isTrue(read.isRead)
    assert.equal(await Notification.unreadCountOf(member.id), 2)
    const inbox = await Notification.inboxOf(member, {})
    assert.notInclude(
      inbox.all().map((notification) => notification.id),
      expired.id
    )
    assert.lengthOf(inbox.all(), 3)
    assert.exists(await User.find(withActor.actorId!))
  })

  test('a preference differs from the default channel, or turns the type off', async ({
    assert,
  }) => {
    const email = await NotificationPreferenceFactory.create()
    const off = await NotificationPreferenceFactory.apply('off').create()

    const emailed = await NotificationPreference.of(email.userId)
    const silenced = await NotificationPreference.of(off.userId)
    assert.equal(emailed['bounty.claimed'], 'email')
    assert.equal(silenced['bounty.claimed'], 'off')
  })

  test('a member watches a tag unless muted', async ({ assert }) => {
    const watcher = await TagWatcherFactory.create()
    const muted = await TagWatcherFactory.apply('muted').create()

    assert.equal(await TagWatcher.levelOf(watcher.userId, watcher.tagId), 'watching')
    assert.equal(await TagWatcher.levelOf(muted.userId, muted.tagId), 'muted')
  })
})

test.group('Factories: money and audit', (group) => {
  isolateDatabase(group)

  test('a deposit line moved its money through the ledger', async ({ assert }) => {
    const deposit = await TransactionFactory.create()

    assert.equal(deposit.type, 'DEPOSIT')
    assert.equal(deposit.status, 'COMPLETED')
    assert.equal(deposit.balanceBefore.toString(), '0.00')
    assert.equal(deposit.balanceAfter.toString(), deposit.amount.toString())
    assert.deepEqual(await walletOf(deposit.userId), {
      balance: deposit.amount.toString(),
      held: '0.00',
    })
    await assertLedgerClean(assert)
  })

  test('a pending withdrawal holds its amount', async ({ assert }) => {
    const withdrawal = await TransactionFactory.apply('pendingWithdrawal').create()

    assert.equal(withdrawal.type, 'WITHDRAWAL')
    assert.isTrue(withdrawal.isPending)
    assert.isNotNull(withdrawal.holdId)
    assert.equal(withdrawal.balanceAfter.toString(), '0.00')
    assert.deepEqual(await walletOf(withdrawal.userId), {
      balance: '0.00',
      held: withdrawal.amount.toString(),
    })
    await assertLedgerClean(assert)
  })

  test('accounts open empty; a funded wallet got a deposit', async ({ assert }) => {
    const wallet = await LedgerAccountFactory.create()
    const escrow = await LedgerAccountFactory.apply('escrow').create()
    const funded = await LedgerAccountFactory.apply('funded').create()

    assert.equal(wallet.kind, 'WALLET')
    assert.equal(wallet.balance.toString(), '0.00')
    const saved = await LedgerAccount.findOrFail(escrow.id)
    assert.equal(saved.kind, 'ESCROW')
    assert.exists(await Bounty.find(escrow.bountyId!))
    assert.equal(funded.balance.toString(), '100.00')
    const deposit = await Transaction.findByOrFail('user_id', funded.userId)
    assert.equal(deposit.type, 'DEPOSIT')
    await assertLedgerClean(assert)
  })

  test('an audit entry names an admin and its subject, or the system', async ({ assert }) => {
    const log = await AuditLogFactory.create()
    const system = await AuditLogFactory.apply('system').create()

    const actor = await User.findOrFail(log.actorId)
    assert.isTrue(actor.isAdmin)
    assert.exists(await Bounty.find(log.subjectId))
    assert.isNull(system.actorId)
    assert.isNull(system.ip)
  })
})
