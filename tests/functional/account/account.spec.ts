import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import VerifyEmailNotification from '#mails/verify_email_notification'
import PasswordChangedNotification from '#mails/password_changed_notification'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows, signIn } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Change email', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('switches to the new address, which must be confirmed again', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.apply('verified').create()
    const response = await client
      .put(urlFor('email.update'))
      .loginAs(user)
      .form({ email: 'New.Address@Example.com', password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings/account')
    await user.refresh()
    assert.equal(user.email, 'new.address@example.com')
    assert.isNull(user.emailVerifiedAt)
    mails.assertSent(VerifyEmailNotification, ({ message }) =>
      message.hasTo('new.address@example.com')
    )
  })

  test('a wrong password is refused and the email stays', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.apply('verified').create()
    const response = await client
      .put(urlFor('email.update'))
      .loginAs(user)
      .form({ email: 'new@example.com', password: 'Wrong1234' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { password: ['That password is not correct.'] })
    response.assertFlashMissing('password')
    await user.refresh()
    assert.notEqual(user.email, 'new@example.com')
    assert.isNotNull(user.emailVerifiedAt)
    mails.assertNoneSent()
  })

  test("another member's address is refused", async ({ client, assert }) => {
    mail.fake()
    const other = await UserFactory.create()
    const user = await UserFactory.apply('verified').create()
    const response = await client
      .put(urlFor('email.update'))
      .loginAs(user)
      .form({ email: other.email.toUpperCase(), password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['An account with this email already exists'],
    })
    await user.refresh()
    assert.notEqual(user.email, other.email)
  })

  test('an invalid address is refused inline', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('email.update'))
      .loginAs(user)
      .form({ email: 'nope', password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { email: ['Enter a valid email address'] })
  })
})

test.group('Change password', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('sets the new password, keeps this session, ends the others and mails the owner', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    const here = await signIn(client, user)
    const elsewhere = await signIn(client, user, { remember: true })
    assert.equal(await countRows('sessions', { user_id: user.id }), 2)

    const response = await client
      .put(urlFor('password.update'))
      .inSessionOf(here)
      .form({
        currentPassword: 'Secret123',
        password: 'Changed456',
        password_confirmation: 'Changed456',
      })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/settings/account')
    await user.refresh()
    assert.isTrue(await user.verifyPassword('Changed456'))
    assert.isNotNull(user.passwordChangedAt)
    const remaining = await db.from('sessions').where('user_id', user.id)
    assert.deepEqual(
      remaining.map((row) => row.id),
      [here.cookie('corps-session')!.value]
    )
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: user.id }), 0)
    mails.assertSent(PasswordChangedNotification, ({ message }) => message.hasTo(user.email))

    const other = await client
      .get(urlFor('user_sessions.index'))
      .inSessionOf(elsewhere)
      .redirects(0)
    other.assertHeader('location', '/login')
  })

  test('a wrong current password is refused and nothing changes', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('password.update'))
      .loginAs(user)
      .form({
        currentPassword: 'Wrong1234',
        password: 'Changed456',
        password_confirmation: 'Changed456',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      currentPassword: ['That password is not correct.'],
    })
    await user.refresh()
    assert.isTrue(await user.verifyPassword('Secret123'))
    mails.assertNoneSent()
  })

  test('a weak new password is refused without sending any password back', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .put(urlFor('password.update'))
      .loginAs(user)
      .form({ currentPassword: 'Secret123', password: 'weak', password_confirmation: 'weak' })
      .withCsrfToken()
      .redirects(0)
    assert.exists(response.flashMessage('inputErrorsBag').password)
    response.assertFlashMissing('currentPassword')
    response.assertFlashMissing('password')
    await user.refresh()
    assert.isTrue(await user.verifyPassword('Secret123'))
  })
})
