import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import { UserFactory } from '#database/factories/user_factory'
import Notify from '#actions/notifications/notify'
import Notification from '#models/notification'
import NotificationPreference from '#models/notification_preference'
import UserSetting from '#models/user_setting'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import NotificationMail from '#mails/notification_mail'
import { liveChannels } from '#services/broadcast'
import { Credentials, EventStream } from '#tests/helpers/live'
import { funded, postBounty } from '#tests/helpers/bounties'
import { isolateDatabase } from '#tests/helpers/database'
import { bountyBy, tagNamed } from './support.js'
import type User from '#models/user'

const tip = (recipients: User[], actor: User | null) => ({
  type: 'tip.received' as const,
  recipients,
  actor,
  title: 'You received a tip',
  message: `@${actor?.username ?? 'corps'} tipped you 5.00`,
  url: '/wallet',
  data: { amount: '5.00' },
})

async function listening(member: User) {
  const stream = await EventStream.open(await Credentials.bearerFor(member))
  const status = await stream.subscribe(liveChannels.notifications(member.id))
  if (status !== 204) throw new Error(`subscribe answered ${status}`)
  return stream
}

test.group('Notify: who is told', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('stores a notification for each recipient and never for the actor', async ({ assert }) => {
    const [actor, alice, bob] = await UserFactory.apply('verified').createMany(3)

    const stored = await Notify.handle(tip([alice, bob, actor], actor))

    assert.sameMembers(
      stored.map((notification) => notification.userId),
      [alice.id, bob.id]
    )
    const row = await Notification.findByOrFail('user_id', alice.id)
    assert.equal(row.type, 'tip.received')
    assert.equal(row.title, 'You received a tip')
    assert.equal(row.actorId, actor.id)
    assert.deepEqual(row.data, { amount: '5.00' })
    assert.isNull(row.readAt)
    assert.isNull(await Notification.findBy('user_id', actor.id))
  })

  test('the recipient receives it live with the unread count; the actor and outsiders do not', async ({
    assert,
    cleanup,
  }) => {
    const [actor, recipient, outsider] = await UserFactory.apply('verified').createMany(3)
    await Notify.handle(tip([recipient], actor))
    const streams = await Promise.all([actor, recipient, outsider].map(listening))
    cleanup(() => streams.forEach((stream) => stream.close()))
    const [actorStream, recipientStream, outsiderStream] = streams

    const [stored] = await Notify.handle(tip([recipient], actor))

    const event = await recipientStream.next(liveChannels.notifications(recipient.id))
    assert.equal(event.type, 'notification')
    assert.equal(event.unreadCount, 2)
    assert.containsSubset(event.notification, {
      id: stored.id,
      type: 'tip.received',
      title: 'You received a tip',
      url: '/wallet',
      isRead: false,
      actor: { id: actor.id, username: actor.username },
    })
    assert.deepEqual(await actorStream.received(liveChannels.notifications(actor.id)), [])
    assert.deepEqual(await outsiderStream.received(liveChannels.notifications(outsider.id), 0), [])
  })

  test('inside a transaction it is announced only once the transaction commits', async ({
    assert,
    cleanup,
  }) => {
    const [actor, recipient] = await UserFactory.apply('verified').createMany(2)
    const stream = await listening(recipient)
    cleanup(() => stream.close())

    await db
      .transaction(async (trx) => {
        await Notify.handle(tip([recipient], actor), trx)
        throw new Error('the change fails')
      })
      .catch(() => {})
    assert.deepEqual(await stream.received(liveChannels.notifications(recipient.id)), [])
    assert.lengthOf(await Notification.query().where('user_id', recipient.id), 0)

    await db.transaction((trx) => Notify.handle(tip([recipient], actor), trx))
    const event = await stream.next(liveChannels.notifications(recipient.id))
    assert.equal(event.unreadCount, 1)
  })

  test('a type set to off is neither stored nor pushed', async ({ assert, cleanup }) => {
    const [actor, recipient] = await UserFactory.apply('verified').createMany(2)
    await NotificationPreference.saveFor(recipient.id, { 'tip.received': 'off' })
    const stream = await listening(recipient)
    cleanup(() => stream.close())

    assert.lengthOf(await Notify.handle(tip([recipient], actor)), 0)
    assert.deepEqual(await stream.received(liveChannels.notifications(recipient.id)), [])
  })

  test('live notifications switched off in settings are stored but not pushed', async ({
    assert,
    cleanup,
  }) => {
    const [actor, recipient] = await UserFactory.apply('verified').createMany(2)
    await UserSetting.query().where('user_id', recipient.id).update({ push_notifications: false })
    const stream = await listening(recipient)
    cleanup(() => stream.close())

    assert.lengthOf(await Notify.handle(tip([recipient], actor)), 1)
    assert.deepEqual(await stream.received(liveChannels.notifications(recipient.id)), [])
  })

  test('deleted and deactivated accounts are told nothing', async ({ assert }) => {
    const actor = await UserFactory.apply('verified').create()
    const gone = await UserFactory.apply('deleted').create()
    const inactive = await UserFactory.apply('inactive').create()

    assert.lengthOf(await Notify.handle(tip([gone, inactive], actor)), 0)
  })
})

test.group('Notify: emails', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('types chosen for email are sent as an HTML and text email, through the outbox', async ({
    assert,
  }) => {
    const { mails } = mail.fake()
    const [actor, recipient] = await UserFactory.apply('verified').createMany(2)
    await NotificationPreference.saveFor(recipient.id, { 'tip.received': 'email' })

    const [stored] = await Notify.handle(tip([recipient], actor))

    mails.assertSentCount(NotificationMail, 1)
    const [sent] = mails.sent()
    await sent.buildWithContents()
    sent.message.assertTo(recipient.email)
    sent.message.assertSubject('You received a tip')
    sent.message.assertHtmlIncludes(`tipped you 5.00`)
    sent.message.assertHtmlIncludes(`${env.get('APP_URL')}/wallet`)
    sent.message.assertTextIncludes('Choose what reaches you by email')
    await stored.refresh()
    assert.isNotNull(stored.emailedAt)
    assert.lengthOf(await db.from('job_outbox'), 0, 'the sent mail leaves no job behind')
  })

  test('live-only types and members who turned email off get no email', async ({ assert }) => {
    const { mails } = mail.fake()
    const [actor, liveOnly, noEmail] = await UserFactory.apply('verified').createMany(3)
    await NotificationPreference.saveFor(noEmail.id, { 'tip.received': 'email' })
    await UserSetting.query().where('user_id', noEmail.id).update({ email_notifications: false })

    const stored = await Notify.handle(tip([liveOnly, noEmail], actor))

    assert.lengthOf(stored, 2)
    mails.assertNoneSent()
    assert.lengthOf(await db.from('job_outbox'), 0)
  })
})

test.group('Notify: watch levels', (group) => {
  isolateDatabase(group)

  test('watchers of a bounty hear of its events, with their own wording', async ({ assert }) => {
    const [poster, commenter, watcher, bystander] =
      await UserFactory.apply('verified').createMany(4)
    const bounty = await bountyBy(poster)
    await BountyWatcher.setLevel(watcher.id, bounty.id, 'watching')
    await BountyWatcher.setLevel(commenter.id, bounty.id, 'watching')

    const stored = await Notify.handle({
      type: 'comment.created',
      recipients: [poster],
      actor: commenter,
      title: 'New comment on your bounty',
      message: 'Looks good',
      bounty: { id: bounty.id },
      watchers: { title: 'New comment on a bounty you watch', message: 'Looks good' },
    })

    const byUser = new Map(stored.map((notification) => [notification.userId, notification.title]))
    assert.equal(byUser.get(poster.id), 'New comment on your bounty')
    assert.equal(byUser.get(watcher.id), 'New comment on a bounty you watch')
    assert.isFalse(byUser.has(commenter.id))
    assert.isFalse(byUser.has(bystander.id))
  })

  test('watchers are only added when the caller asks for them', async ({ assert }) => {
    const [poster, claimant, watcher] = await UserFactory.apply('verified').createMany(3)
    const bounty = await bountyBy(poster)
    await BountyWatcher.setLevel(watcher.id, bounty.id, 'watching')

    const stored = await Notify.handle({
      type: 'bounty.claimed',
      recipients: [poster],
      actor: claimant,
      title: 'Your bounty was claimed',
      message: '…',
      bounty: { id: bounty.id },
    })

    assert.deepEqual(
      stored.map((notification) => notification.userId),
      [poster.id]
    )
  })

  test('a member who muted a bounty hears nothing about it, even as its poster', async ({
    assert,
  }) => {
    const [poster, claimant] = await UserFactory.apply('verified').createMany(2)
    const bounty = await bountyBy(poster)
    await BountyWatcher.setLevel(poster.id, bounty.id, 'muted')

    const stored = await Notify.handle({
      type: 'bounty.claimed',
      recipients: [poster],
      actor: claimant,
      title: 'Your bounty was claimed',
      message: '…',
      bounty: { id: bounty.id },
    })

    assert.lengthOf(stored, 0)
  })

  test('a new bounty reaches members watching one of its tags, unless they muted another', async ({
    assert,
  }) => {
    const [fan, skeptic, bystander] = await UserFactory.apply('verified').createMany(3)
    const poster = await funded('500.00')
    const [rust, php] = [await tagNamed('rust'), await tagNamed('php')]
    await TagWatcher.setLevel(fan.id, rust.id, 'watching')
    await TagWatcher.setLevel(poster.id, rust.id, 'watching')
    await TagWatcher.setLevel(skeptic.id, rust.id, 'watching')
    await TagWatcher.setLevel(skeptic.id, php.id, 'muted')

    await postBounty(poster, { title: 'Port the parser', tags: ['Rust', 'php'] })

    const announced = await Notification.query().where('type', 'bounty.published')
    assert.deepEqual(
      announced.map((notification) => notification.userId),
      [fan.id]
    )
    assert.equal(announced[0].title, 'New bounty: “Port the parser”')
    assert.notInclude(
      announced.map((notification) => notification.userId),
      bystander.id
    )
  })
})
