import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

const valid = {
  username: 'Tanjiro_K',
  email: 'Tanjiro@Example.com',
  password: 'Secret123',
  password_confirmation: 'Secret123',
}

const USERNAME_RULE = 'Use 3–20 characters: lowercase letters, digits and underscores'
const PASSWORD_RULE =
  'Use at least 8 characters with an uppercase letter, a lowercase letter and a digit'

test.group('Registration', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('the sign-up page has every field with a label', async ({ client }) => {
    const response = await client.get(urlFor('registration.create'))
    response.assertStatus(200)
    response.assertTextIncludes('<label for="field-username">Username')
    response.assertTextIncludes('<label for="field-email">Email')
    response.assertTextIncludes('<label for="field-password">Password')
    response.assertTextIncludes('<label for="field-password_confirmation">Confirm password')
  })

  test('creates a lowercase account with profile and settings, signs in and mails a link', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    assert.isNull(await db.from('users').whereRaw('lower(username) = ?', ['tanjiro_k']).first())

    const response = await client
      .post(urlFor('registration.store'))
      .form(valid)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    const user = await User.findByOrFail('username', 'tanjiro_k')
    response.assertSession('auth_web', user.id)
    assert.equal(user.email, 'tanjiro@example.com')
    assert.notEqual(user.password, 'Secret123')
    assert.isTrue(await user.verifyPassword('Secret123'))
    assert.isNull(user.emailVerifiedAt)
    assert.equal(user.role, 'SLAYER')
    await user.load('profile')
    await user.load('settings')
    assert.equal(user.profile.experienceLevel, 'BEGINNER')
    assert.equal(user.settings.profileVisibility, 'PUBLIC')
    const row = await db
      .from('sessions')
      .where('id', response.cookie('corps-session')!.value)
      .first()
    assert.equal(row.user_id, user.id)
    mails.assertSent(VerifyEmailNotification, ({ message }) => message.hasTo('tanjiro@example.com'))
  })

  const refusals = [
    {
      title: 'a username under 3 characters',
      change: { username: 'ab' },
      field: 'username',
      message: 'The username field must have at least 3 characters',
    },
    {
      title: 'a username over 20 characters',
      change: { username: 'a'.repeat(21) },
      field: 'username',
      message: 'The username field must not be longer than 20 characters',
    },
    {
      title: 'a username with other characters',
      change: { username: 'tan-jiro' },
      field: 'username',
      message: USERNAME_RULE,
    },
    {
      title: 'a missing username',
      change: { username: '' },
      field: 'username',
      message: 'The username field is required',
    },
    {
      title: 'an invalid email',
      change: { email: 'not-an-email' },
      field: 'email',
      message: 'Enter a valid email address',
    },
    {
      title: 'a password under 8 characters',
      change: { password: 'Abc1234', password_confirmation: 'Abc1234' },
      field: 'password',
      message: 'The password field must have at least 8 characters',
    },
    {
      title: 'a password without an uppercase letter',
      change: { password: 'secret123', password_confirmation: 'secret123' },
      field: 'password',
      message: PASSWORD_RULE,
    },
    {
      title: 'a password without a lowercase letter',
      change: { password: 'SECRET123', password_confirmation: 'SECRET123' },
      field: 'password',
      message: PASSWORD_RULE,
    },
    {
      title: 'a password without a digit',
      change: { password: 'SecretWord', password_confirmation: 'SecretWord' },
      field: 'password',
      message: PASSWORD_RULE,
    },
    {
      title: 'a confirmation that does not match',
      change: { password_confirmation: 'Secret124' },
      field: 'password_confirmation',
      message: 'The passwords do not match',
    },
  ]

  test('refuses {title} and saves nothing')
    .with(refusals)
    .run(async ({ client, assert }, { change, field, message }) => {
      const { mails } = mail.fake()
      const before = await countRows('users')
      const response = await client
        .post(urlFor('registration.store'))
        .form({ ...valid, ...change })
        .withCsrfToken()
        .redirects(0)

      response.assertStatus(302)
      assert.deepEqual(response.flashMessage('inputErrorsBag')[field], [message])
      response.assertSessionMissing('auth_web')
      response.assertFlashMissing('password')
      assert.equal(await countRows('users'), before)
      mails.assertNoneSent()
    })

  test('refuses a username taken in another case', async ({ client, assert }) => {
    await UserFactory.merge({ username: 'tanjiro_k' }).create()
    const response = await client
      .post(urlFor('registration.store'))
      .form(valid)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').username, [
      'This username is already taken',
    ])
    assert.lengthOf(await User.query().where('email', 'tanjiro@example.com'), 0)
  })

  test('refuses an email taken in another case', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'tanjiro@example.com' }).create()
    const response = await client
      .post(urlFor('registration.store'))
      .form(valid)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').email, ['This email is already taken'])
    assert.isNull(await User.findBy('username', 'tanjiro_k'))
  })

  test('keeps "deleted_" usernames for anonymised accounts', async ({ client, assert }) => {
    const response = await client
      .post(urlFor('registration.store'))
      .form({ ...valid, username: 'deleted_abc123' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').username, [
      'This username is already taken',
    ])
    assert.isNull(await User.findBy('username', 'deleted_abc123'))
  })

  test('a signed-in member cannot open the sign-up page', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('registration.create')).loginAs(user).redirects(0)
    response.assertHeader('location', '/')
  })
})
