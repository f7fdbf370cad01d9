import { test } from '@japa/runner'
import { setTimeout } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import {
  LOCK_MINUTES,
  MAX_FAILURES_IN_A_ROW,
  MAX_FAILURES_PER_HOUR,
} from '#actions/auth/login_guard'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

const GENERIC = 'The sign-in name or password is incorrect.'
const STRANGER = '203.0.113.66'
const OWNER = '198.51.100.7'

test.group('Login', (group) => {
  isolateDatabase(group)

  test('the login page offers email or username, password and remember me', async ({ client }) => {
    const response = await client.get(urlFor('session.create'))
    response.assertStatus(200)
    response.assertTextIncludes('Email or username')
    response.assertTextIncludes('Keep me signed in for 30 days')
    response.assertTextIncludes('Forgot your password?')
  })

  test('signs in with the username in any case and tags a new session', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('verified').create()
    const before = await client.get(urlFor('session.create'))
    const response = await client
      .post(urlFor('session.store'))
      .inSessionOf(before)
      .header('user-agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0')
      .form({ uid: user.username.toUpperCase(), password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    const sessionId = response.cookie('corps-session')!.value
    assert.notEqual(sessionId, before.cookie('corps-session')!.value)
    const row = await db.from('sessions').where('id', sessionId).firstOrFail()
    assert.equal(row.user_id, user.id)
    assert.equal(row.user_agent, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0')
    assert.isNotNull(row.ip_address)
    assert.isNotNull(row.last_seen_at)
    await user.refresh()
    assert.isNotNull(user.lastLoginAt)
  })

  test('signs in with the email address', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post(urlFor('session.store'))
      .form({ uid: user.email.toUpperCase(), password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)
    response.assertSession('auth_web', user.id)
  })

  test('"remember me" stores a remember-me token bound to the session', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    assert.lengthOf(await db.from('remember_me_tokens').where('tokenable_id', user.id), 0)
    const login = await signIn(client, user, { remember: true })
    const tokens = await db.from('remember_me_tokens').where('tokenable_id', user.id)
    assert.lengthOf(tokens, 1)
    assert.exists(login.cookie('remember_web'))

    await client
      .get(urlFor('home'))
      .inSessionOf(login)
      .withEncryptedCookie('remember_web', login.cookie('remember_web')!.value)
    const row = await db
      .from('sessions')
      .where('id', login.cookie('corps-session')!.value)
      .firstOrFail()
    assert.equal(row.remember_me_token_id, tokens[0].id)
  })

  test('goes back to the page the member wanted after signing in', async ({ client }) => {
    const user = await UserFactory.create()
    const wanted = await client.get(urlFor('user_sessions.index')).redirects(0)
    wanted.assertStatus(302)
    wanted.assertHeader('location', '/login')
    const response = await client
      .post(urlFor('session.store'))
      .inSessionOf(wanted)
      .form({ uid: user.username, password: 'Secret123' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings/sessions')
  })

  test('a wrong password is refused with a message that does not reveal the account', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const response = await signIn(client, user, { password: 'Wrong1234' })
    response.assertStatus(302)
    response.assertFlashMessage('error', GENERIC)
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('uid', user.username)
    response.assertFlashMissing('password')
  })

  test('an unknown account gets exactly the same answer', async ({ client }) => {
    const response = await client
      .post(urlFor('session.store'))
      .form({ uid: 'nobody_here', password: 'Wrong1234' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', GENERIC)
  })

  test('five failures in a row from one address lock that address out for 15 minutes', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await signIn(client, user, { password: 'Wrong1234' })
      response.assertFlashMessage('error', GENERIC)
    }
    const fifth = await signIn(client, user, { password: 'Wrong1234' })
    assert.match(
      String(fifth.flashMessage('error')),
      /^Too many failed sign-in attempts from your address\. Signing in to this account from here is locked for 15 more minutes\.$/
    )

    const rightPassword = await signIn(client, user)
    rightPassword.assertSessionMissing('auth_web')
    assert.match(String(rightPassword.flashMessage('error')), /locked for 1[45] more minutes/)
  })

  test('a stranger failing from another address does not stop the owner signing in', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 6; attempt++) {
      await signIn(client, user, { password: 'Wrong1234' }).header('x-forwarded-for', STRANGER)
    }
    const strangerWithThePassword = await signIn(client, user).header('x-forwarded-for', STRANGER)
    strangerWithThePassword.assertSessionMissing('auth_web')
    assert.match(String(strangerWithThePassword.flashMessage('error')), /locked/)

    const owner = await signIn(client, user).header('x-forwarded-for', OWNER)
    owner.assertSession('auth_web', user.id)
  })

  test('unknown names also "lock" after five failures, so locks reveal nothing', async ({
    client,
    assert,
  }) => {
    let last
    for (let attempt = 1; attempt <= 5; attempt++) {
      last = await client
        .post(urlFor('session.store'))
        .form({ uid: 'ghost_account', password: 'Wrong1234' })
        .withCsrfToken()
        .redirects(0)
    }
    assert.match(String(last!.flashMessage('error')), /locked for 15 more minutes/)
  })

  test('an unknown name of the longest allowed length is refused like any other', async ({
    client,
  }) => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await client
        .post(urlFor('session.store'))
        .form({ uid: `${'x'.repeat(254)}${attempt}`, password: 'Wrong1234' })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMessage('error', GENERIC)
    }
  })

  test('a success starts the count afresh: failures must be in a row to lock', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(client, user, { password: 'Wrong1234' })
    }
    const success = await signIn(client, user)
    success.assertSession('auth_web', user.id)
    await user.refresh()
    assert.isNotNull(user.lastLoginAt)

    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await signIn(client, user, { password: 'Wrong1234' })
      response.assertFlashMessage('error', GENERIC)
    }
    const successAgain = await signIn(client, user)
    successAgain.assertSession('auth_web', user.id)
  })

  test('a pair lock ends when its time is up', async ({ client }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(client, user, { password: 'Wrong1234' })
    }
    const locked = await signIn(client, user)
    locked.assertSessionMissing('auth_web')
    await limiter
      .use({ requests: MAX_FAILURES_IN_A_ROW, duration: `${LOCK_MINUTES} minutes` })
      .set(`login_pair_${user.id}_127.0.0.1`, MAX_FAILURES_IN_A_ROW, 1)
    await setTimeout(1100)
    const afterTheLock = await signIn(client, user)
    afterTheLock.assertSession('auth_web', user.id)
  })

  test('past 100 failures an hour the account refuses new addresses, not known ones', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const firstVisit = await signIn(client, user).header('x-forwarded-for', OWNER)
    firstVisit.assertSession('auth_web', user.id)
    // As if 19 other addresses had each failed five times this hour.
    await limiter
      .use({ requests: MAX_FAILURES_PER_HOUR, duration: '1 hour' })
      .set(`login_account_${user.id}`, MAX_FAILURES_PER_HOUR - MAX_FAILURES_IN_A_ROW, '1 hour')
    for (let attempt = 1; attempt <= MAX_FAILURES_IN_A_ROW; attempt++) {
      await signIn(client, user, { password: 'Wrong1234' }).header('x-forwarded-for', STRANGER)
    }

    const newAddress = await signIn(client, user).header('x-forwarded-for', '198.51.100.99')
    newAddress.assertSessionMissing('auth_web')
    assert.match(
      String(newAddress.flashMessage('error')),
      /^Too many failed sign-in attempts on this account\. It is locked for 60 more minutes for addresses it has not signed in from lately/
    )
    const owner = await signIn(client, user).header('x-forwarded-for', OWNER)
    owner.assertSession('auth_web', user.id)
  })

  test('a deactivated account cannot sign in, with a clear message', async ({ client }) => {
    const user = await UserFactory.apply('inactive').create()
    const response = await signIn(client, user)
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage(
      'error',
      'This account has been deactivated. Contact a Corps leader if you think this is a mistake.'
    )
  })

  test('a member deactivated while signed in is signed out on the next page', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const login = await signIn(client, user)
    await db.from('users').where('id', user.id).update({ is_active: false })

    const settings = await client.get(urlFor('profile.edit')).inSessionOf(login).redirects(0)
    settings.assertHeader('location', '/login')
    settings.assertFlashMessage(
      'error',
      'This account has been deactivated. Contact a Corps leader if you think this is a mistake.'
    )
    const home = await client.get(urlFor('home')).inSessionOf(login)
    assert.include(home.text(), 'href="/login"')
  })

  test('a deleted account cannot sign in', async ({ client }) => {
    const user = await UserFactory.apply('deleted').create()
    const response = await signIn(client, user)
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('error', GENERIC)
  })

  test('missing fields are refused inline', async ({ client }) => {
    const response = await client
      .post(urlFor('session.store'))
      .form({})
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      uid: ['The uid field is required'],
      password: ['The password field is required'],
    })
  })

  test('a form without the CSRF token is refused', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post(urlFor('session.store'))
      .form({ uid: user.username, password: 'Secret123' })
      .redirects(0)
    response.assertSessionMissing('auth_web')
  })

  test('a signed-in member is sent away from the login page', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get(urlFor('session.create')).loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })

  test('logging out ends the session row and forgets the member', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const login = await signIn(client, user)
    const sessionId = login.cookie('corps-session')!.value
    assert.exists(await db.from('sessions').where('id', sessionId).first())

    const response = await client
      .post(urlFor('session.destroy'))
      .inSessionOf(login)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    assert.notExists(await db.from('sessions').where('id', sessionId).first())
  })

  test('twenty attempts a minute from one address are enough', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let attempt = 1; attempt <= 20; attempt++) {
      await client
        .post(urlFor('session.store'))
        .form({ uid: `someone_${attempt}`, password: 'Wrong1234' })
        .withCsrfToken()
        .redirects(0)
    }
    const response = await signIn(client, user)
    response.assertSessionMissing('auth_web')
    assert.match(
      String(response.flashMessage('error')),
      /Too many attempts\. Please wait \d+ seconds/
    )
    assert.exists(response.header('retry-after'))
    await User.findOrFail(user.id)
  })
})
