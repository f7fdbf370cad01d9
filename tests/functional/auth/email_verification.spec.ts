import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import encryption from '@adonisjs/core/services/encryption'
import VerifyEmailNotification from '#mails/verify_email_notification'
import SendEmailVerification from '#actions/auth/send_email_verification'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#models/user'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { isolateDatabase } from '#tests/helpers/database'

/**
 * The link the member receives, as a path and query for the test client.
 */
async function mailedLink(user: User) {
  const { mails } = mail.fake()
  await SendEmailVerification.handle(user)
  const [sent] = mails.sent(
    (candidate) => candidate instanceof VerifyEmailNotification
  ) as VerifyEmailNotification[]
  mail.restore()
  const url = new URL(sent.url)
  return { path: url.pathname, token: url.searchParams.get('token')! }
}

test.group('Email verification', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('the mailed link confirms the address', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { path, token } = await mailedLink(user)
    assert.equal(path, '/verify-email')
    assert.isFalse(user.isVerified)

    const response = await client.get(path).qs({ token }).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertFlashMessage(
      'success',
      'Thanks, your email address is confirmed. You are all set!'
    )
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)
  })

  test('the mail has an HTML and a text part with the link', async ({ assert }) => {
    const user = await UserFactory.create()
    const { mails } = mail.fake()
    await SendEmailVerification.handle(user)
    const [sent] = mails.sent(
      (candidate) => candidate instanceof VerifyEmailNotification
    ) as VerifyEmailNotification[]
    await sent.buildWithContents()
    const message = sent.message.toJSON().message
    assert.include(message.html as string, sent.url.replace(/&/g, '&amp;'))
    assert.include(message.text as string, sent.url)
    assert.equal(message.subject, 'Confirm your email address for Corps')
  })

  test('a tampered link is refused and changes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { token } = await mailedLink(user)
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')

    const response = await client.get(urlFor('email_verification.show')).qs({ token: tampered })
    response.assertStatus(400)
    response.assertTextIncludes('This link did not work')
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('a link signed for another account is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = encryption
      .getMessageVerifier()
      .sign({ id: user.id, email: 'someone-else@example.com' }, '24 hours', 'email_verification')
    const response = await client.get(urlFor('email_verification.show')).qs({ token })
    response.assertStatus(400)
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('an expired link is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = encryption
      .getMessageVerifier()
      .sign({ id: user.id, email: user.email }, -1, 'email_verification')
    const response = await client.get(urlFor('email_verification.show')).qs({ token })
    response.assertStatus(400)
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('a link stops working once the email address changes', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { token } = await mailedLink(user)
    user.email = 'new-address@example.com'
    await user.save()
    const response = await client.get(urlFor('email_verification.show')).qs({ token })
    response.assertStatus(400)
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('unverified members see a banner with a resend button', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('home')).loginAs(user)
    response.assertTextIncludes('Confirm your email address.')
    response.assertTextIncludes('Send a new link')
  })

  test('verified members do not see the banner', async ({ client, assert }) => {
    const user = await UserFactory.apply('verified').create()
    const response = await client.get(urlFor('home')).loginAs(user)
    assert.notInclude(response.text(), 'Confirm your email address.')
  })

  test('"send a new link" mails a fresh link', async ({ client }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    const response = await client
      .post(urlFor('email_verification.store'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', `We sent a new link to ${user.email}.`)
    mails.assertSent(VerifyEmailNotification, ({ message }) => message.hasTo(user.email))
  })

  test('a verified member gets no new mail', async ({ client }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.apply('verified').create()
    const response = await client
      .post(urlFor('email_verification.store'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Your email address is already confirmed.')
    mails.assertNoneSent()
  })

  test('resending is limited to three mails per quarter hour', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 3; attempt++) {
      await client
        .post(urlFor('email_verification.store'))
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    }
    const fourth = await client
      .post(urlFor('email_verification.store'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.match(
      String(fourth.flashMessage('error')),
      /Too many attempts\. Please wait \d+ minutes/
    )
    mails.assertSentCount(VerifyEmailNotification, 3)
  })

  test('visitors cannot ask for a link', async ({ client }) => {
    const { mails } = mail.fake()
    const response = await client
      .post(urlFor('email_verification.store'))
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/login')
    mails.assertNoneSent()
  })

  test('verification keeps working after it was used once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { token } = await mailedLink(user)
    await client.get(urlFor('email_verification.show')).qs({ token }).redirects(0)
    await user.refresh()
    const firstTime = user.emailVerifiedAt!
    const again = await client.get(urlFor('email_verification.show')).qs({ token }).redirects(0)
    again.assertStatus(302)
    await user.refresh()
    assert.equal(user.emailVerifiedAt!.toMillis(), firstTime.toMillis())
    assert.isTrue(firstTime <= DateTime.now())
  })
})
