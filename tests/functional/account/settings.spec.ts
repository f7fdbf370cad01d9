import { test } from '@japa/runner'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { isolateDatabase } from '#tests/helpers/database'

test.group('Notifications and privacy settings', (group) => {
  isolateDatabase(group)

  test('the page shows the current choices', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('settings.edit')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('name="emailNotifications" value="on" checked')
    response.assertTextIncludes('<option value="PUBLIC" selected>Everyone</option>')
  })

  test('saves ticked and unticked boxes and the visibility', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const before = await UserSetting.findOrFail(user.id)
    assert.deepInclude(before.serialize(), {
      emailNotifications: true,
      pushNotifications: true,
      marketingEmails: false,
    })

    const response = await client
      .put(urlFor('settings.update'))
      .loginAs(user)
      .form({ pushNotifications: 'on', marketingEmails: 'on', profileVisibility: 'FRIENDS_ONLY' })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/settings/notifications')
    response.assertFlashMessage('success', 'Your preferences have been saved.')
    const after = await UserSetting.findOrFail(user.id)
    assert.deepInclude(after.serialize(), {
      emailNotifications: false,
      pushNotifications: true,
      marketingEmails: true,
      profileVisibility: 'FRIENDS_ONLY',
      twoFactorEnabled: false,
    })
  })

  test('refuses an unknown visibility and changes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('settings.update'))
      .loginAs(user)
      .form({ profileVisibility: 'EVERYONE_AND_THEIR_DOG' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').profileVisibility, [
      'Choose one of: PUBLIC,PRIVATE,FRIENDS_ONLY',
    ])
    const after = await UserSetting.findOrFail(user.id)
    assert.equal(after.profileVisibility, 'PUBLIC')
    assert.isTrue(after.emailNotifications)
  })

  test('the timezone is chosen on the page and refused when unknown', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const page = await client.get(urlFor('settings.edit')).loginAs(user)
    page.assertTextIncludes('<option value="UTC" selected>UTC</option>')

    const saved = await client
      .put(urlFor('settings.update'))
      .loginAs(user)
      .form({ profileVisibility: 'PUBLIC', timezone: 'Asia/Tokyo' })
      .withCsrfToken()
      .redirects(0)
    saved.assertHeader('location', '/settings/notifications')
    assert.equal(await UserSetting.timezoneOf(user), 'Asia/Tokyo')

    const refused = await client
      .put(urlFor('settings.update'))
      .loginAs(user)
      .form({ profileVisibility: 'PUBLIC', timezone: 'Atlantis/Capital' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(refused.flashMessage('inputErrorsBag').timezone, [
      'Choose a timezone like Europe/Paris or UTC',
    ])
    assert.equal(await UserSetting.timezoneOf(user), 'Asia/Tokyo')
  })

  test('refuses a checkbox value that is not a yes or no', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('settings.update'))
      .loginAs(user)
      .form({ emailNotifications: 'maybe', profileVisibility: 'PUBLIC' })
      .withCsrfToken()
      .redirects(0)
    assert.exists(response.flashMessage('inputErrorsBag').emailNotifications)
  })

  test('settings need a signed-in member', async ({ client }) => {
    const response = await client
      .put(urlFor('settings.update'))
      .form({ profileVisibility: 'PRIVATE' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/login')
  })
})
