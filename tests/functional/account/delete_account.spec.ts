import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows, signIn } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Delete account', (group) => {
  isolateDatabase(group)

  test('the danger zone explains what happens and asks for the password', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('account_deletion.create')).loginAs(user)
    response.assertTextIncludes('This cannot be undone.')
    response.assertTextIncludes('Confirm with your password')
  })

  test('a wrong password is refused and nothing changes', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post(urlFor('account_deletion.store'))
      .loginAs(user)
      .form({ password: 'Wrong1234' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { password: ['That password is not correct.'] })
    const after = await User.findOrFail(user.id)
    assert.equal(after.username, user.username)
    assert.isNull(after.deletedAt)
  })

  test('anonymises the person, keeps the row and ends every session and token', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('verified')
      .merge({ firstName: 'Zenitsu', avatarUrl: null })
      .create()
    await UserProfile.query()
      .where('user_id', user.id)
      .update({ bio: 'Thunder', phone: '+81 90 0000 0000' })
    const login = await signIn(client, user, { remember: true })
    await User.accessTokens.create(user, ['read'])

    const response = await client
      .post(urlFor('account_deletion.store'))
      .inSessionOf(login)
      .form({ password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/')
    response.assertSessionMissing('auth_web')
    const after = await User.findOrFail(user.id)
    const tag = user.id.replace(/-/g, '').slice(0, 12)
    assert.equal(after.username, `deleted_${tag}`)
    assert.equal(after.email, `deleted_${tag}@deleted.invalid`)
    assert.isNull(after.firstName)
    assert.isNull(after.lastName)
    assert.isNull(after.avatarUrl)
    assert.isFalse(after.isActive)
    assert.isNotNull(after.deletedAt)
    assert.isFalse(await after.verifyPassword('Secret123'))
    const profile = await UserProfile.findOrFail(user.id)
    assert.isNull(profile.bio)
    assert.isNull(profile.phone)
    const settings = await UserSetting.findOrFail(user.id)
    assert.isFalse(settings.emailNotifications)
    assert.equal(settings.profileVisibility, 'PRIVATE')
    assert.equal(await countRows('sessions', { user_id: user.id }), 0)
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: user.id }), 0)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 0)

    const oldLogin = await signIn(client, user)
    oldLogin.assertSessionMissing('auth_web')
    const profilePage = await client.get(`/u/${user.username}`)
    profilePage.assertStatus(404)
    const previousSession = await client
      .get(urlFor('user_sessions.index'))
      .inSessionOf(login)
      .redirects(0)
    previousSession.assertHeader('location', '/login')
  })

  test('the freed email can register a new account', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client
      .post(urlFor('account_deletion.store'))
      .loginAs(user)
      .form({ password: 'Secret123' })
      .withCsrfToken()
    const response = await client
      .post(urlFor('registration.store'))
      .form({
        username: 'fresh_start',
        email: user.email,
        password: 'Secret123',
        password_confirmation: 'Secret123',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMissing('inputErrorsBag')
    assert.exists(await db.from('users').where('username', 'fresh_start').first())
  })
})

test.group('Export my data', (group) => {
  isolateDatabase(group)

  test('downloads everything the account owns, without secrets', async ({ client, assert }) => {
    const user = await UserFactory.merge({ firstName: 'Kanao' }).create()
    user.twoFactorSecret = 'encrypted-secret-value'
    user.twoFactorRecoveryCodes = JSON.stringify(['digest-value'])
    await user.save()
    await UserProfile.query().where('user_id', user.id).update({ bio: 'Flower breathing' })
    const login = await signIn(client, user)
    const token = await User.accessTokens.create(user, ['read'], { name: 'script' })

    const response = await client.get(urlFor('account_export.show')).inSessionOf(login)
    response.assertStatus(200)
    assert.match(
      response.header('content-disposition') ?? '',
      new RegExp(`attachment; filename="corps-${user.username}-\\d{4}-\\d{2}-\\d{2}\\.json"`)
    )
    const data = JSON.parse(response.text())
    assert.equal(data.user.username, user.username)
    assert.equal(data.user.firstName, 'Kanao')
    assert.equal(data.profile.bio, 'Flower breathing')
    assert.equal(data.settings.profileVisibility, 'PUBLIC')
    assert.lengthOf(data.sessions, 1)
    assert.equal(data.sessions[0].device, 'Chrome on Linux')
    assert.deepEqual(data.apiTokens[0].abilities, ['read'])
    assert.equal(data.apiTokens[0].name, 'script')

    const text = response.text()
    for (const secret of [
      user.password,
      'encrypted-secret-value',
      'digest-value',
      token.hash,
      login.cookie('corps-session')!.value,
    ]) {
      assert.notInclude(text, secret)
    }
    assert.notProperty(data.user, 'password')
  })

  test('visitors cannot export anything', async ({ client }) => {
    const response = await client.get(urlFor('account_export.show')).redirects(0)
    response.assertHeader('location', '/login')
  })
})
