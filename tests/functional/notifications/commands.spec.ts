import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import Notify from '#actions/notifications/notify'
import Notification from '#models/notification'
import UserSetting from '#models/user_setting'
import NotificationsPrune from '#commands/notifications_prune'
import NotificationsDigest from '#commands/notifications_digest'
import NotificationDigestMail from '#mails/notification_digest_mail'
import { isolateDatabase } from '#tests/helpers/database'
import type User from '#models/user'

async function stored(recipient: User, title: string, changes: Partial<Notification> = {}) {
  const [notification] = await Notify.handle({
    type: 'comment.created',
    recipients: [recipient],
    actor: null,
    title,
    message: `${title} — details`,
    url: '/notifications',
  })
  notification.merge(changes)
  return notification.save()
}

async function run(
  command: typeof NotificationsPrune | typeof NotificationsDigest,
  args: string[] = []
) {
  const instance = await ace.create(command, args)
  instance.ui.switchMode('raw')
  await instance.exec()
  return instance
}

function seen(user: User, at: DateTime) {
  return db.table('sessions').insert({
    id: `s${Math.random().toString(16).slice(2)}`,
    data: '{}',
    user_id: user.id,
    expires_at: at.plus({ hours: 2 }).toJSDate(),
    last_seen_at: at.toJSDate(),
  })
}

test.group('node ace notifications:prune', (group) => {
  isolateDatabase(group)

  test('deletes expired and old read notifications, keeps the rest, in batches', async ({
    assert,
  }) => {
    const member = await UserFactory.create()
    const expired = await stored(member, 'Expired', {
      expiresAt: DateTime.now().minus({ days: 1 }),
    })
    const oldRead = await stored(member, 'Old read', { readAt: DateTime.now().minus({ days: 40 }) })
    const recentRead = await stored(member, 'Recent read', {
      readAt: DateTime.now().minus({ days: 2 }),
    })
    const oldUnread = await stored(member, 'Old unread', {
      createdAt: DateTime.now().minus({ days: 90 }),
    })
    const moreExpired = await Promise.all(
      [1, 2, 3].map((n) =>
        stored(member, `Expired ${n}`, { expiresAt: DateTime.now().minus({ hours: n }) })
      )
    )

    const command = await run(NotificationsPrune, ['--read-days=30', '--batch-size=2'])

    command.assertSucceeded()
    const remaining = await Notification.query().where('user_id', member.id)
    const left = remaining.map((n) => n.id)
    assert.sameMembers(left, [recentRead.id, oldUnread.id])
    assert.notInclude(left, expired.id)
    assert.notInclude(left, oldRead.id)
    assert.lengthOf(
      moreExpired.filter((n) => left.includes(n.id)),
      0
    )
    command.assertLog('[ blue(info) ] Expired: 2 deleted so far')
    command.assertLog('[ green(success) ] Pruned 4 expired and 1 read notification(s)')
  })
})

test.group('node ace notifications:digest', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('emails absent members what they missed, once', async ({ assert }) => {
    const { mails } = mail.fake()
    const [away, back] = await UserFactory.apply('verified').createMany(2)
    await seen(away, DateTime.now().minus({ days: 3 }))
    await seen(back, DateTime.now().plus({ minutes: 1 }))
    const missed = await stored(away, 'A comment you missed')
    await stored(away, 'Already read', { readAt: DateTime.now() })
    await stored(away, 'Already emailed', { emailedAt: DateTime.now() })
    await stored(back, 'Seen in time')

    const command = await run(NotificationsDigest)

    command.assertSucceeded()
    mails.assertSentCount(NotificationDigestMail, 1)
    const [digest] = mails.sent()
    await digest.buildWithContents()
    digest.message.assertTo(away.email)
    digest.message.assertSubject('You have 1 unread notification on Corps')
    digest.message.assertHtmlIncludes('A comment you missed')
    digest.message.assertTextIncludes('A comment you missed — details')
    assert.notInclude(digest.message.toJSON().message.html as string, 'Already')
    await missed.refresh()
    assert.isNotNull(missed.emailedAt)

    const again = await run(NotificationsDigest)
    again.assertSucceeded()
    mails.assertSentCount(NotificationDigestMail, 1)
  })

  test('members who turned emails off get no digest', async () => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    await UserSetting.query().where('user_id', member.id).update({ email_notifications: false })
    await stored(member, 'Quiet please')

    const command = await run(NotificationsDigest)

    command.assertSucceeded()
    mails.assertNoneSent()
  })
})
