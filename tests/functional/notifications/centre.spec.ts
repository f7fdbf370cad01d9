import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import Notify from '#actions/notifications/notify'
import Notification from '#models/notification'
import { liveChannels } from '#services/broadcast'
import { Credentials, EventStream } from '#tests/helpers/live'
import { isolateDatabase } from '#tests/helpers/database'
import type User from '#models/user'

function notify(
  recipient: User,
  actor: User | null,
  title: string,
  type = 'tip.received' as const
) {
  return Notify.handle({
    type,
    recipients: [recipient],
    actor,
    title,
    message: `${title}, in detail`,
    url: '/wallet',
  })
}

test.group('Notification centre page', (group) => {
  isolateDatabase(group)

  test('asks visitors to sign in', async ({ client }) => {
    const response = await client.get('/notifications').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('lists the member’s notifications, newest first, and never anyone else’s', async ({
    client,
    assert,
  }) => {
    const [member, actor, other] = await UserFactory.apply('verified').createMany(3)
    await notify(member, actor, 'First tip')
    await notify(member, actor, 'Second tip')
    await notify(other, actor, 'Not yours')

    const response = await client.get('/notifications').loginAs(member)

    response.assertStatus(200)
    const html = response.text()
    assert.isBelow(html.indexOf('Second tip'), html.indexOf('First tip'))
    assert.notInclude(html, 'Not yours')
    assert.include(html, `@${actor.username}`)
  })

  test('the bell shows the unread count on every page', async ({ client, assert }) => {
    const [member, actor] = await UserFactory.apply('verified').createMany(2)
    await notify(member, actor, 'One')
    await notify(member, actor, 'Two')

    const response = await client.get('/notifications').loginAs(member)

    assert.include(response.text(), 'Notifications, 2 unread')
    assert.match(response.text(), /data-live-count aria-hidden="true" >2</)
  })

  test('filters unread ones and by type; shows an empty state', async ({ client, assert }) => {
    const [member, actor] = await UserFactory.apply('verified').createMany(2)
    const [read] = await notify(member, actor, 'Already read')
    await read.markRead()
    await notify(member, actor, 'Still unread')

    const unread = await client.get('/notifications?unread=1').loginAs(member)
    assert.include(unread.text(), 'Still unread')
    assert.notInclude(unread.text(), 'Already read')

    const byType = await client.get('/notifications?type=mention').loginAs(member)
    assert.include(byType.text(), 'Nothing matches these filters')

    const [newcomer] = await UserFactory.apply('verified').createMany(1)
    const empty = await client.get('/notifications').loginAs(newcomer)
    assert.include(empty.text(), 'You are all caught up')
  })

  test('expired notifications are not shown', async ({ client, assert }) => {
    const [member, actor] = await UserFactory.apply('verified').createMany(2)
    const [expired] = await notify(member, actor, 'Old news')
    expired.expiresAt = DateTime.now().minus({ minutes: 1 })
    await expired.save()

    const response = await client.get('/notifications').loginAs(member)
    assert.notInclude(response.text(), 'Old news')
  })

  test('marks one read; the member’s other tabs get the new count live', async ({
    client,
    assert,
    cleanup,
  }) => {
    const [member, actor] = await UserFactory.apply('verified').createMany(2)
    const [first] = await notify(member, actor, 'First')
    await notify(member, actor, 'Second')
    const tab = await EventStream.open(await Credentials.sessionFor(member))
    cleanup(() => tab.close())
    await tab.subscribe(liveChannels.notifications(member.id))

    const response = await client
      .put(`/notifications/${first.id}/read`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    await first.refresh()
    assert.isTrue(first.isRead)
    assert.deepEqual(await tab.next(liveChannels.notifications(member.id)), {
      type: 'notifications.read',
      unreadCount: 1,
    })
  })

  test('marks all read', async ({ client, assert }) => {
    const [member, actor, other] = await UserFactory.apply('verified').createMany(3)
    await notify(member, actor, 'One')
    await notify(member, actor, 'Two')
    await notify(other, actor, 'Theirs')

    await client.put('/notifications/read-all').loginAs(member).withCsrfToken().redirects(0)

    assert.equal(await Notification.unreadCountOf(member.id), 0)
    assert.equal(await Notification.unreadCountOf(other.id), 1)
  })

  test('deletes one; another member’s cannot be read or deleted (404)', async ({
    client,
    assert,
  }) => {
    const [member, actor, other] = await UserFactory.apply('verified').createMany(3)
    const [mine] = await notify(member, actor, 'Mine')
    const [theirs] = await notify(other, actor, 'Theirs')

    const deleted = await client
      .delete(`/notifications/${mine.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    deleted.assertStatus(302)
    assert.isNull(await Notification.find(mine.id))

    const readTheirs = await client
      .put(`/notifications/${theirs.id}/read`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    readTheirs.assertStatus(404)
    const deleteTheirs = await client
      .delete(`/notifications/${theirs.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    deleteTheirs.assertStatus(404)
    await theirs.refresh()
    assert.isFalse(theirs.isRead)
  })
})
