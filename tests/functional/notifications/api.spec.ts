import { test } from '@japa/runner'
import '#tests/helpers/openapi'
import { UserFactory } from '#database/factories/user_factory'
import Notify from '#actions/notifications/notify'
import Notification from '#models/notification'
import NotificationPreference from '#models/notification_preference'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { bountyBy, tagNamed } from './support.js'
import type User from '#models/user'

function notify(recipient: User, actor: User, title: string) {
  return Notify.handle({
    type: 'tip.received',
    recipients: [recipient],
    actor,
    title,
    message: `${title}!`,
    url: '/wallet',
    data: { amount: '5.00' },
  })
}

test.group('API notifications', (group) => {
  isolateDatabase(group)

  test('GET /notifications lists the caller’s, paginated, and filters unread', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const [actor, other] = await UserFactory.createMany(2)
    const [read] = await notify(user, actor, 'Read one')
    await read.markRead()
    await notify(user, actor, 'Unread one')
    await notify(other, actor, 'Not yours')

    const all = await client
      .get('/api/v1/notifications?limit=1')
      .header('authorization', authorization)
    all.assertStatus(200)
    assert.equal(all.body().meta.pagination.total, 2)
    assert.lengthOf(all.body().data, 1)
    assert.equal(all.body().data[0].title, 'Unread one')
    assert.deepEqual(all.body().data[0].actor, { id: actor.id, username: actor.username })

    const unread = await client
      .get('/api/v1/notifications?unread=true&page=1')
      .header('authorization', authorization)
    assert.deepEqual(
      unread.body().data.map((notification: { title: string }) => notification.title),
      ['Unread one']
    )
  })

  test('GET /notifications needs a token; a session cookie does not do', async ({ client }) => {
    const member = await UserFactory.apply('verified').create()
    const response = await client.get('/api/v1/notifications').loginAs(member)
    response.assertStatus(401)
  })

  test('PUT /notifications/:id/read and read-all', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const actor = await UserFactory.create()
    const [first] = await notify(user, actor, 'First')
    await notify(user, actor, 'Second')

    const one = await client
      .put(`/api/v1/notifications/${first.id}/read`)
      .header('authorization', authorization)
    one.assertStatus(200)
    assert.isTrue(one.body().data.isRead)
    assert.isNotNull(one.body().data.readAt)

    const all = await client
      .put('/api/v1/notifications/read-all')
      .header('authorization', authorization)
    all.assertStatus(200)
    assert.deepEqual(all.body().data, { marked: 1 })
    assert.equal(await Notification.unreadCountOf(user.id), 0)
  })

  test('another member’s notification is a 404 to read or delete, and stays', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const [actor, other] = await UserFactory.createMany(2)
    const [theirs] = await notify(other, actor, 'Theirs')

    const read = await client
      .put(`/api/v1/notifications/${theirs.id}/read`)
      .header('authorization', authorization)
    read.assertStatus(404)
    const removed = await client
      .delete(`/api/v1/notifications/${theirs.id}`)
      .header('authorization', authorization)
    removed.assertStatus(404)
    await theirs.refresh()
    assert.isFalse(theirs.isRead)
  })

  test('DELETE /notifications/:id deletes the caller’s', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const actor = await UserFactory.create()
    const [mine] = await notify(user, actor, 'Mine')

    const response = await client
      .delete(`/api/v1/notifications/${mine.id}`)
      .header('authorization', authorization)
    response.assertStatus(200)
    assert.isNull(await Notification.find(mine.id))
  })

  test('a read-only token may list but not change notifications', async ({ client }) => {
    const user = await UserFactory.apply('verified').create()
    const authorization = await bearerFor(user, ['read'])

    const list = await client.get('/api/v1/notifications').header('authorization', authorization)
    list.assertStatus(200)
    const change = await client
      .put('/api/v1/notifications/read-all')
      .header('authorization', authorization)
    change.assertStatus(403)
  })

  test('an invalid filter answers 422', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .get('/api/v1/notifications?type=nonsense')
      .header('authorization', authorization)
    response.assertStatus(422)
  })
})

test.group('API notification preferences', (group) => {
  isolateDatabase(group)

  test('GET lists every type with its channel, defaults filled in', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await NotificationPreference.saveFor(user.id, { 'comment.created': 'off' })

    const response = await client
      .get('/api/v1/users/notification-preferences')
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.equal(response.body().data.preferences['comment.created'], 'off')
    assert.equal(response.body().data.preferences['bounty.approved'], 'email')
  })

  test('PUT changes the given types and leaves the others', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await NotificationPreference.saveFor(user.id, { mention: 'email' })

    const response = await client
      .put('/api/v1/users/notification-preferences')
      .header('authorization', authorization)
      .json({ preferences: { 'tip.received': 'off', 'bounty.approved': 'live' } })

    response.assertStatus(200)
    const saved = await NotificationPreference.of(user.id)
    assert.equal(saved['tip.received'], 'off')
    assert.equal(saved['bounty.approved'], 'live')
    assert.equal(saved.mention, 'email')
  })

  test('PUT refuses unknown channels', async ({ client }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .put('/api/v1/users/notification-preferences')
      .header('authorization', authorization)
      .json({ preferences: { 'tip.received': 'pigeon' } })
    response.assertStatus(422)
  })
})

test.group('API watch levels', (group) => {
  isolateDatabase(group)

  test('a member watches, mutes and resets a bounty they may see', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const poster = await UserFactory.apply('verified').create()
    const bounty = await bountyBy(poster)

    const watch = await client
      .put(`/api/v1/bounties/${bounty.id}/watch`)
      .header('authorization', authorization)
      .json({ level: 'watching' })
    watch.assertStatus(200)
    assert.deepEqual(watch.body().data, { subject: 'bounty', id: bounty.id, level: 'watching' })
    assert.equal(await BountyWatcher.levelOf(user.id, bounty.id), 'watching')

    await client
      .put(`/api/v1/bounties/${bounty.id}/watch`)
      .header('authorization', authorization)
      .json({ level: 'muted' })
    assert.equal(await BountyWatcher.levelOf(user.id, bounty.id), 'muted')

    await client
      .put(`/api/v1/bounties/${bounty.id}/watch`)
      .header('authorization', authorization)
      .json({ level: 'normal' })
    const show = await client
      .get(`/api/v1/bounties/${bounty.id}/watch`)
      .header('authorization', authorization)
    assert.equal(show.body().data.level, 'normal')
  })

  test('someone else’s draft cannot be watched (404)', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const poster = await UserFactory.apply('verified').create()
    const draft = await bountyBy(poster, { draft: true })

    const response = await client
      .put(`/api/v1/bounties/${draft.id}/watch`)
      .header('authorization', authorization)
      .json({ level: 'watching' })
    response.assertStatus(404)
    assert.equal(await BountyWatcher.levelOf(user.id, draft.id), 'normal')
  })

  test('a member watches and mutes tags', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const tag = await tagNamed('typescript')

    const response = await client
      .put(`/api/v1/tags/${tag.id}/watch`)
      .header('authorization', authorization)
      .json({ level: 'muted' })
    response.assertStatus(200)
    assert.equal(await TagWatcher.levelOf(user.id, tag.id), 'muted')

    const show = await client
      .get(`/api/v1/tags/${tag.id}/watch`)
      .header('authorization', authorization)
    assert.equal(show.body().data.level, 'muted')
  })
})
