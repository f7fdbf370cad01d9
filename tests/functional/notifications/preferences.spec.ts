import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import NotificationPreference from '#models/notification_preference'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import { isolateDatabase } from '#tests/helpers/database'
import { bountyBy, tagNamed } from './support.js'

test.group('Notification preferences page', (group) => {
  isolateDatabase(group)

  test('shows every type with its channel, the defaults checked', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()
    await NotificationPreference.saveFor(member.id, { 'tip.received': 'off' })

    const response = await client.get('/settings/notifications/preferences').loginAs(member)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Bounties you post')
    assert.include(html, 'You receive a tip')
    assert.match(html, /name="preferences\[tip:received\]" value="off"[^>]*checked/)
    assert.match(html, /name="preferences\[bounty:approved\]" value="email"[^>]*checked/)
    assert.include(html, 'aria-current="page">Notification preferences')
  })

  test('saves the chosen channels', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()

    const response = await client
      .put('/settings/notifications/preferences')
      .loginAs(member)
      .withCsrfToken()
      .form({ 'preferences[comment:created]': 'off', 'preferences[mention]': 'email' })
      .redirects(0)

    response.assertStatus(302)
    const saved = await NotificationPreference.of(member.id)
    assert.equal(saved['comment.created'], 'off')
    assert.equal(saved.mention, 'email')
    assert.equal(saved['tip.received'], 'live')
  })

  test('refuses a channel that does not exist', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()

    await client
      .put('/settings/notifications/preferences')
      .loginAs(member)
      .withCsrfToken()
      .form({ 'preferences[mention]': 'carrier-pigeon' })
      .redirects(0)

    const preferences = await NotificationPreference.of(member.id)
    assert.equal(preferences.mention, 'live')
  })

  test('watches and mutes tags, and sets them back to normal', async ({ client, assert }) => {
    const member = await UserFactory.apply('verified').create()
    const tag = await tagNamed('design')

    await client
      .put('/settings/notifications/tags')
      .loginAs(member)
      .withCsrfToken()
      .form({ tagId: tag.id, level: 'watching' })
      .redirects(0)
    assert.equal(await TagWatcher.levelOf(member.id, tag.id), 'watching')

    const page = await client.get('/settings/notifications/preferences').loginAs(member)
    assert.include(page.text(), 'Level for design')

    await client
      .put('/settings/notifications/tags')
      .loginAs(member)
      .withCsrfToken()
      .form({ tagId: tag.id, level: 'normal' })
      .redirects(0)
    assert.equal(await TagWatcher.levelOf(member.id, tag.id), 'normal')
  })

  test('sets a bounty’s watch level; another member’s draft is a 404', async ({
    client,
    assert,
  }) => {
    const [member, poster] = await UserFactory.apply('verified').createMany(2)
    const bounty = await bountyBy(poster)
    const draft = await bountyBy(poster, { draft: true })

    const muted = await client
      .put(`/bounties/${bounty.id}/watch`)
      .loginAs(member)
      .withCsrfToken()
      .form({ level: 'muted' })
      .redirects(0)
    muted.assertStatus(302)
    assert.equal(await BountyWatcher.levelOf(member.id, bounty.id), 'muted')

    const page = await client.get('/settings/notifications/preferences').loginAs(member)
    assert.include(page.text(), 'Notifications for Fix the flaky deploy')

    const hidden = await client
      .put(`/bounties/${draft.id}/watch`)
      .loginAs(member)
      .withCsrfToken()
      .form({ level: 'watching' })
      .redirects(0)
    hidden.assertStatus(404)
    assert.equal(await BountyWatcher.levelOf(member.id, draft.id), 'normal')
  })
})

test.group('Live client asset', () => {
  test('serves the installed Transmit client as a static module', async ({ client, assert }) => {
    const response = await client.get('/js/vendor/transmit-client.js')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /javascript/)
    assert.include(response.text(), 'export {')
  })
})
