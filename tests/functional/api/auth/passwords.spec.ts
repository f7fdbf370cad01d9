import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import encryption from '@adonisjs/core/services/encryption'
import type User from '#models/user'
import UserToken from '#models/user_token'
import ResetPasswordNotification from '#mails/reset_password_notification'
import { EMAIL_VERIFICATION_PURPOSE } from '#actions/auth/send_email_verification'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, type InvalidInput, refusesInvalidInput } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('POST /api/v1/auth/forgot-password', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('mails a reset link to a member and answers 200', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()

    const response = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: user.email.toUpperCase() })

    response.assertStatus(200)
    assert.isNull(response.body().data)
    mails.assertSent(ResetPasswordNotification, (sent) => sent.message.hasTo(user.email))
  })

  test('answers exactly the same for an unknown address and mails nothing', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()

    const known = await client.post('/api/v1/auth/forgot-password').json({ email: user.email })
    const unknown = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: 'nobody@example.com' })

    unknown.assertStatus(200)
    assert.equal(unknown.body().message, known.body().message)
    mails.assertSentCount(1)
  })

  test('422 VALIDATION_FAILED for a missing or malformed email', async ({ client, assert }) => {
    mail.fake()
    const missing = await client.post('/api/v1/auth/forgot-password').json({})
    const malformed = await client.post('/api/v1/auth/forgot-password').json({ email: 'nope' })
    const long = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: `${'a'.repeat(250)}@example.com` })

    missing.assertStatus(422)
    malformed.assertStatus(422)
    long.assertStatus(422)
    assert.equal(missing.body().error.details[0].rule, 'required')
    assert.equal(malformed.body().error.details[0].rule, 'email')
    assert.equal(long.body().error.details[0].rule, 'maxLength')
  })
})

test.group('POST /api/v1/auth/reset-password', (group) => {
  isolateDatabase(group)

  test('sets the new password, spends the token and revokes every API token', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const authorization = await bearerFor(user)
    const token = await UserToken.issue(user, 'password_reset', { hours: 1 })

    const response = await client
      .post('/api/v1/auth/reset-password')
      .json({ token, password: 'BrandNew123' })

    response.assertStatus(200)
    await user.refresh()
    assert.isTrue(await user.verifyPassword('BrandNew123'))
    const revoked = await client.get('/api/v1/users/profile').header('authorization', authorization)
    revoked.assertStatus(401)

    const again = await client
      .post('/api/v1/auth/reset-password')
      .json({ token, password: 'Another123' })
    again.assertStatus(400)
    assert.equal(again.body().error.code, 'INVALID_TOKEN')
  })

  test('an unknown or expired token answers 400 INVALID_TOKEN and changes nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const token = await UserToken.issue(user, 'password_reset', { hours: 1 })
    await UserToken.query()
      .where('user_id', user.id)
      .update({
        expires_at: DateTime.now().minus({ minutes: 1 }).toSQL(),
      })

    const expired = await client
      .post('/api/v1/auth/reset-password')
      .json({ token, password: 'BrandNew123' })
    const unknown = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: 'made-up', password: 'BrandNew123' })

    expired.assertStatus(400)
    unknown.assertStatus(400)
    await user.refresh()
    assert.isTrue(await user.verifyPassword(FACTORY_PASSWORD))
  })

  const invalid: InvalidInput[] = [
    ['the token is missing', { password: 'BrandNew123' }, 'token', 'required'],
    [
      'the token is too long',
      { token: 'x'.repeat(513), password: 'BrandNew123' },
      'token',
      'maxLength',
    ],
    ['the password is missing', { token: 'abc' }, 'password', 'required'],
    ['the password is weak', { token: 'abc', password: 'weakpassword' }, 'password', 'regex'],
    ['the password is short', { token: 'abc', password: 'Ab1' }, 'password', 'minLength'],
  ]
  refusesInvalidInput(invalid, {
    send: (client, body) => client.post('/api/v1/auth/reset-password').json(body),
  })
})

test.group('GET /api/v1/auth/verify-email', (group) => {
  isolateDatabase(group)

  const tokenFor = (user: User, email = user.email) =>
    encryption
      .getMessageVerifier()
      .sign({ id: user.id, email }, '24 hours', EMAIL_VERIFICATION_PURPOSE)

  test('verifies the address the token was sent to', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client.get('/api/v1/auth/verify-email').qs({ token: tokenFor(user) })

    response.assertStatus(200)
    await user.refresh()
    assert.isTrue(user.isVerified)
  })

  test('a token for a previous address or a forged one answers 400 INVALID_TOKEN', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()

    const stale = await client
      .get('/api/v1/auth/verify-email')
      .qs({ token: tokenFor(user, 'old@example.com') })
    const forged = await client.get('/api/v1/auth/verify-email').qs({ token: 'forged.token' })

    stale.assertStatus(400)
    forged.assertStatus(400)
    assert.equal(forged.body().error.code, 'INVALID_TOKEN')
    await user.refresh()
    assert.isFalse(user.isVerified)
  })

  test('422 VALIDATION_FAILED without a token', async ({ client, assert }) => {
    const missing = await client.get('/api/v1/auth/verify-email')
    const long = await client.get('/api/v1/auth/verify-email').qs({ token: 'x'.repeat(2049) })

    missing.assertStatus(422)
    long.assertStatus(422)
    assert.equal(missing.body().error.details[0].field, 'token')
  })
})
