import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { MAX_FAILURES_PER_HOUR } from '#actions/auth/login_guard'
import UserToken from '#models/user_token'
import ResetPasswordNotification from '#mails/reset_password_notification'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows, signIn } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

const SENT = (email: string) =>
  `If an account uses ${email}, a link to reset its password is on its way. It works for one hour.`

async function requestLink(client: any, email: string) {
  return client.post(urlFor('password_reset.store')).form({ email }).withCsrfToken().redirects(0)
}

async function issueToken(user: User, expiresAt = DateTime.now().plus({ hours: 1 })) {
  const plain = await UserToken.issue(user, 'password_reset', { hours: 1 })
  await UserToken.query()
    .where('token_hash', UserToken.digest(plain))
    .update({ expires_at: expiresAt.toJSDate() })
  return plain
}

test.group('Forgot password', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('mails a one-hour link and stores only its hash', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    assert.equal(await countRows('user_tokens', { user_id: user.id }), 0)

    const response = await requestLink(client, user.email.toUpperCase())
    response.assertFlashMessage('success', SENT(user.email.toUpperCase()))

    const [sent] = mails.sent(
      (candidate) => candidate instanceof ResetPasswordNotification
    ) as ResetPasswordNotification[]
    assert.equal(sent.user.id, user.id)
    const plain = new URL(sent.url).pathname.split('/').pop()!
    const row = await db.from('user_tokens').where('user_id', user.id).firstOrFail()
    assert.equal(row.purpose, 'password_reset')
    assert.equal(row.token_hash, UserToken.digest(plain))
    assert.notInclude(JSON.stringify(row), plain)
    const lifetime = DateTime.fromJSDate(row.expires_at).diffNow('minutes').minutes
    assert.isAbove(lifetime, 59)
    assert.isAtMost(lifetime, 60)
  })

  test('answers the same for an address nobody uses, and sends nothing', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const before = await countRows('user_tokens')
    const response = await requestLink(client, 'nobody@example.com')
    response.assertFlashMessage('success', SENT('nobody@example.com'))
    mails.assertNoneSent()
    assert.equal(await countRows('user_tokens'), before)
  })

  test('sends at most three links an hour to one address, silently', async ({ client }) => {
    const { mails } = mail.fake()
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await requestLink(client, user.email)
      response.assertFlashMessage('success', SENT(user.email))
    }
    mails.assertSentCount(ResetPasswordNotification, 3)
  })

  test('an address of the longest allowed length gets the same answer', async ({ client }) => {
    const { mails } = mail.fake()
    const address = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`
    const response = await requestLink(client, address)
    response.assertFlashMessage('success', SENT(address))
    mails.assertQueuedCount(ResetPasswordNotification, 0)
  })

  test('a new link replaces the previous one', async ({ client, assert }) => {
    mail.fake()
    const user = await UserFactory.create()
    const first = await issueToken(user)
    await requestLink(client, user.email)
    assert.equal(await countRows('user_tokens', { user_id: user.id }), 1)
    assert.isNull(await UserToken.usable('password_reset', first).first())
  })

  test('refuses an invalid email address inline', async ({ client, assert }) => {
    const response = await requestLink(client, 'not an email')
    assert.deepEqual(response.flashMessage('inputErrorsBag').email, ['Enter a valid email address'])
  })
})

test.group('Reset password', (group) => {
  isolateDatabase(group)

  test('the link opens a form for the new password', async ({ client }) => {
    const user = await UserFactory.create()
    const token = await issueToken(user)
    const response = await client.get(urlFor('password_reset.edit', { token }))
    response.assertStatus(200)
    response.assertTextIncludes('Choose a new password')
    response.assertTextIncludes('<meta name="referrer" content="no-referrer">')
  })

  test('an unknown link says so before anything is typed', async ({ client }) => {
    const response = await client.get(urlFor('password_reset.edit', { token: 'not-a-real-token' }))
    response.assertTextIncludes('This link is invalid, was already used or has expired.')
  })

  test('a reset lifts the sign-in locks of the account and of its own address', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(client, user, { password: 'Wrong1234' })
    }
    await limiter
      .use({ requests: MAX_FAILURES_PER_HOUR, duration: '1 hour' })
      .set(`login_account_${user.id}`, MAX_FAILURES_PER_HOUR, '1 hour')
    const locked = await signIn(client, user)
    locked.assertSessionMissing('auth_web')

    await client
      .put(urlFor('password_reset.update', { token: await issueToken(user) }))
      .form({ password: 'NewSecret456', password_confirmation: 'NewSecret456' })
      .withCsrfToken()
      .redirects(0)

    const here = await signIn(client, user, { password: 'NewSecret456' })
    here.assertSession('auth_web', user.id)
    const elsewhere = await signIn(client, user, { password: 'NewSecret456' }).header(
      'x-forwarded-for',
      '198.51.100.42'
    )
    elsewhere.assertSession('auth_web', user.id)
  })

  test('sets the password, spends the token and signs the account out everywhere', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const login = await signIn(client, user, { remember: true })
    await User.accessTokens.create(user, ['*'])
    assert.equal(await countRows('sessions', { user_id: user.id }), 1)
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: user.id }), 1)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 1)
    const token = await issueToken(user)

    const response = await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'NewSecret456', password_confirmation: 'NewSecret456' })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/login')
    response.assertFlashMessage(
      'success',
      'Your password has been changed. Sign in with your new password.'
    )
    await user.refresh()
    assert.isTrue(await user.verifyPassword('NewSecret456'))
    assert.isNotNull(user.passwordChangedAt)
    assert.isNotNull(user.emailVerifiedAt)
    const spent = await db.from('user_tokens').where('user_id', user.id).firstOrFail()
    assert.isNotNull(spent.used_at)
    assert.equal(await countRows('sessions', { user_id: user.id }), 0)
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: user.id }), 0)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: user.id }), 0)

    const oldSession = await client
      .get(urlFor('user_sessions.index'))
      .inSessionOf(login)
      .redirects(0)
    oldSession.assertHeader('location', '/login')
  })

  test('a used link cannot be used again', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await issueToken(user)
    await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'NewSecret456', password_confirmation: 'NewSecret456' })
      .withCsrfToken()
    const again = await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'Another789X', password_confirmation: 'Another789X' })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(again.flashMessage('error')), /invalid, was already used or has expired/)
    await user.refresh()
    assert.isTrue(await user.verifyPassword('NewSecret456'))
  })

  test('an expired link is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await issueToken(user, DateTime.now().minus({ minutes: 1 }))
    const response = await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'NewSecret456', password_confirmation: 'NewSecret456' })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(response.flashMessage('error')), /has expired/)
    await user.refresh()
    assert.isTrue(await user.verifyPassword('Secret123'))
  })

  test('a weak password is refused and the link still works afterwards', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const token = await issueToken(user)
    const response = await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'weakpass', password_confirmation: 'weakpass' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(response.flashMessage('inputErrorsBag').password, [
      'Use at least 8 characters with an uppercase letter, a lowercase letter and a digit',
    ])
    response.assertFlashMissing('password')
    assert.isNotNull(await UserToken.usable('password_reset', token).first())
    await user.refresh()
    assert.isTrue(await user.verifyPassword('Secret123'))
  })

  test('a reset link cannot be used as another kind of token', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await issueToken(user)
    await db.from('user_tokens').where('user_id', user.id).update({ purpose: 'other' })
    const response = await client
      .put(urlFor('password_reset.update', { token }))
      .form({ password: 'NewSecret456', password_confirmation: 'NewSecret456' })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(response.flashMessage('error')), /invalid/)
  })
})
