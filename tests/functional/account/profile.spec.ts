import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import UserProfile from '#models/user_profile'
import { UserFactory } from '#database/factories/user_factory'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { isolateDatabase } from '#tests/helpers/database'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

test.group('Profile settings', (group) => {
  isolateDatabase(group)

  test('visitors are sent to the login page', async ({ client }) => {
    const response = await client.get(urlFor('profile.edit')).redirects(0)
    response.assertHeader('location', '/login')
  })

  test('the page shows the profile form filled in', async ({ client }) => {
    const user = await UserFactory.merge({ firstName: 'Nezuko' }).create()
    await UserProfile.query().where('user_id', user.id).update({ company: 'Kamado Charcoal' })
    const response = await client.get(urlFor('profile.edit')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('value="Nezuko"')
    response.assertTextIncludes('value="Kamado Charcoal"')
    response.assertTextIncludes('aria-current="page">Profile</a>')
  })

  test('saves every profile field and the names', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const before = await UserProfile.findOrFail(user.id)
    assert.isNull(before.bio)

    const response = await client
      .put(urlFor('profile.update'))
      .loginAs(user)
      .form({
        firstName: 'Giyu',
        lastName: 'Tomioka',
        bio: 'Water breathing, quiet mornings.',
        location: 'Tokyo',
        website: 'https://giyu.example.com',
        phone: '+81 3-1234-5678',
        jobTitle: 'Hashira',
        company: 'Corps',
        experienceLevel: 'EXPERT',
        portfolioUrl: 'https://portfolio.example.com/giyu',
        githubUsername: '@giyu',
        linkedinUsername: 'giyu-tomioka',
        twitterUsername: 'giyu_t',
      })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/settings/profile')
    response.assertFlashMessage('success', 'Your profile has been saved.')
    await user.refresh()
    assert.deepEqual([user.firstName, user.lastName], ['Giyu', 'Tomioka'])
    const profile = await UserProfile.findOrFail(user.id)
    assert.deepInclude(profile.serialize(), {
      bio: 'Water breathing, quiet mornings.',
      location: 'Tokyo',
      website: 'https://giyu.example.com',
      phone: '+81 3-1234-5678',
      jobTitle: 'Hashira',
      company: 'Corps',
      experienceLevel: 'EXPERT',
      portfolioUrl: 'https://portfolio.example.com/giyu',
      githubUsername: 'giyu',
      linkedinUsername: 'giyu-tomioka',
      twitterUsername: 'giyu_t',
    })
  })

  test('empty fields clear what was there', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await UserProfile.query()
      .where('user_id', user.id)
      .update({ bio: 'Old bio', location: 'Kyoto' })
    await client
      .put(urlFor('profile.update'))
      .loginAs(user)
      .form({
        firstName: '',
        lastName: '',
        bio: '',
        location: '',
        githubUsername: '',
        website: '',
        experienceLevel: 'BEGINNER',
      })
      .withCsrfToken()
    const profile = await UserProfile.findOrFail(user.id)
    assert.isNull(profile.bio)
    assert.isNull(profile.location)
    await user.refresh()
    assert.isNull(user.firstName)
  })

  const refusals = [
    {
      title: 'a website without http(s)',
      field: 'website',
      value: 'javascript:alert(1)',
      message: 'Enter a valid URL (https://…)',
    },
    {
      title: 'a portfolio that is not a URL',
      field: 'portfolioUrl',
      value: 'my portfolio',
      message: 'Enter a valid URL (https://…)',
    },
    {
      title: 'a phone number with letters',
      field: 'phone',
      value: 'call me maybe',
      message: 'The phone field format is invalid',
    },
    {
      title: 'a bio over 1000 characters',
      field: 'bio',
      value: 'x'.repeat(1001),
      message: 'The bio field must not be longer than 1000 characters',
    },
    {
      title: 'an unknown experience level',
      field: 'experienceLevel',
      value: 'GODLIKE',
      message: 'Choose one of: BEGINNER,INTERMEDIATE,ADVANCED,EXPERT',
    },
    {
      title: 'a GitHub name with spaces',
      field: 'githubUsername',
      value: 'not a handle',
      message: 'The githubUsername field format is invalid',
    },
  ]

  test('refuses {title} and changes nothing')
    .with(refusals)
    .run(async ({ client, assert }, { field, value, message }) => {
      const user = await UserFactory.create()
      const before = await UserProfile.findOrFail(user.id)
      const response = await client
        .put(urlFor('profile.update'))
        .loginAs(user)
        .form({ firstName: 'Changed', [field]: value })
        .withCsrfToken()
        .redirects(0)
      assert.deepEqual(response.flashMessage('inputErrorsBag')[field], [message])
      const after = await UserProfile.findOrFail(user.id)
      assert.deepEqual(after.serialize(), before.serialize())
      await user.refresh()
      assert.notEqual(user.firstName, 'Changed')
    })
})

test.group('Avatar', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake('fs')
    return () => drive.restore('fs')
  })

  test('uploads an image, stores it privately and serves it as an image', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', PNG, { filename: 'me.png' })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/settings/profile')
    await user.refresh()
    assert.match(user.avatarUrl!, new RegExp(`^/avatars/${user.id}/[a-f0-9]{24}\\.png$`))
    const key = user.avatarUrl!.slice(1)
    assert.isTrue(await drive.use('fs').exists(key))

    const served = await client.get(user.avatarUrl!)
    served.assertStatus(200)
    served.assertHeader('content-type', 'image/png')
    served.assertHeader('x-content-type-options', 'nosniff')
    assert.include(served.header('content-security-policy'), 'sandbox')
  })

  test('a new avatar replaces and deletes the previous file', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', PNG, { filename: 'a.png' })
      .withCsrfToken()
    await user.refresh()
    const first = user.avatarUrl!.slice(1)
    await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', PNG, { filename: 'b.png' })
      .withCsrfToken()
    await user.refresh()
    assert.notEqual(user.avatarUrl!.slice(1), first)
    assert.isFalse(await drive.use('fs').exists(first))
  })

  test('a file that only claims to be an image is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', Buffer.from('<html><script>alert(1)</script></html>'), {
        filename: 'evil.png',
      })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').avatar, [
      'The avatar must be a JPEG, PNG, WebP or GIF image',
    ])
    await user.refresh()
    assert.isNull(user.avatarUrl)
  })

  test('a large file that only claims to be an image is refused by its first bytes', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const html = Buffer.from(`<html>${' '.repeat(6000)}<script>alert(1)</script></html>`)
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', html, { filename: 'evil.png' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').avatar, [
      'The avatar must be a JPEG, PNG, WebP or GIF image',
    ])
    await user.refresh()
    assert.isNull(user.avatarUrl)
  })

  test('other file types are refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', Buffer.from('%PDF-1.7 hello'), { filename: 'cv.pdf' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').avatar, [
      'The avatar must be a JPEG, PNG, WebP or GIF image',
    ])
    await user.refresh()
    assert.isNull(user.avatarUrl)
  })

  test('images over 2 MB are refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', big, { filename: 'big.png' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').avatar, [
      'The avatar must be 2 MB or smaller',
    ])
    await user.refresh()
    assert.isNull(user.avatarUrl)
  })

  test('removing the avatar deletes the file', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .file('avatar', PNG, { filename: 'a.png' })
      .withCsrfToken()
    await user.refresh()
    const key = user.avatarUrl!.slice(1)
    await client.delete(urlFor('avatar.destroy')).loginAs(user).withCsrfToken()
    await user.refresh()
    assert.isNull(user.avatarUrl)
    assert.isFalse(await drive.use('fs').exists(key))
  })

  test('a form without a file is refused', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('avatar.update'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { avatar: ['Choose an image to upload'] })
  })

  test('an unknown avatar is a 404', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(`/avatars/${user.id}/abc123.png`)
    response.assertStatus(404)
  })
})
