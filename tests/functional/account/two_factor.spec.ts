import { test } from '@japa/runner'
import { generateSync } from 'otplib'
import User from '#models/user'
import UserSetting from '#models/user_setting'
import { twoFactor } from '#services/two_factor'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/accounts'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function twoFactorIsOn(user: User) {
  const settings = await UserSetting.findOrFail(user.id)
  return settings.twoFactorEnabled
}

/**
 * A member with two-factor on, the plain secret and recovery codes.
 */
async function memberWithTwoFactor() {
  const user = await UserFactory.apply('verified').create()
  const secret = twoFactor.newSecret()
  const codes = twoFactor.newRecoveryCodes()
  user.twoFactorSecret = twoFactor.encryptSecret(secret)
  user.twoFactorRecoveryCodes = JSON.stringify(codes.map(twoFactor.digestRecoveryCode))
  await user.save()
  await UserSetting.query().where('user_id', user.id).update({ two_factor_enabled: true })
  return { user, secret, codes }
}

test.group('Two-factor setup', (group) => {
  isolateDatabase(group)

  test('starting the setup stores an encrypted secret and shows the QR code and key', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client.post(urlFor('two_factor.store')).loginAs(user).withCsrfToken()
    await user.refresh()
    assert.isNotNull(user.twoFactorSecret)
    const secret = twoFactor.decryptSecret(user.twoFactorSecret!)!
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.notInclude(user.twoFactorSecret!, secret)
    assert.isFalse(await twoFactorIsOn(user))

    const page = await client.get(urlFor('two_factor.show')).loginAs(user)
    page.assertTextIncludes('src="data:image/png;base64,')
    page.assertTextIncludes(secret.match(/.{1,4}/g)!.join(' '))
  })

  test('a wrong code does not turn it on', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client.post(urlFor('two_factor.store')).loginAs(user).withCsrfToken()
    const response = await client
      .put(urlFor('two_factor.update'))
      .loginAs(user)
      .form({ code: '000000' })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(response.flashMessage('inputErrorsBag.code')), /does not match/)
    assert.isFalse(await twoFactorIsOn(user))
    await user.refresh()
    assert.isNull(user.twoFactorRecoveryCodes)
  })

  test('the right code turns it on and shows ten recovery codes once, stored hashed', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client.post(urlFor('two_factor.store')).loginAs(user).withCsrfToken()
    await user.refresh()
    const code = generateSync({ secret: twoFactor.decryptSecret(user.twoFactorSecret!)! })

    const response = await client
      .put(urlFor('two_factor.update'))
      .loginAs(user)
      .form({ code })
      .withCsrfToken()
    response.assertStatus(200)
    response.assertHeader('cache-control', 'no-store')
    response.assertTextIncludes('Two-factor authentication is on.')
    const shown = [...response.text().matchAll(/<li>([a-f0-9]{5}-[a-f0-9]{5})<\/li>/g)].map(
      (m) => m[1]
    )
    assert.lengthOf(shown, 10)

    assert.isTrue(await twoFactorIsOn(user))
    await user.refresh()
    const stored = user.recoveryCodeDigests
    assert.lengthOf(stored, 10)
    assert.sameMembers(stored, shown.map(twoFactor.digestRecoveryCode))
    assert.notInclude(user.twoFactorRecoveryCodes!, shown[0])
  })

  test('turning it off needs the password', async ({ client, assert }) => {
    const { user } = await memberWithTwoFactor()
    const refused = await client
      .delete(urlFor('two_factor.destroy'))
      .loginAs(user)
      .form({ password: 'Wrong1234' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', { password: ['That password is not correct.'] })
    assert.isTrue(await twoFactorIsOn(user))

    await client
      .delete(urlFor('two_factor.destroy'))
      .loginAs(user)
      .form({ password: 'Secret123' })
      .withCsrfToken()
    assert.isFalse(await twoFactorIsOn(user))
    await user.refresh()
    assert.isNull(user.twoFactorSecret)
    assert.isNull(user.twoFactorRecoveryCodes)
  })

  test('new recovery codes replace the old ones, with the password', async ({ client, assert }) => {
    const { user, codes } = await memberWithTwoFactor()
    const refused = await client
      .post(urlFor('recovery_codes.store'))
      .loginAs(user)
      .form({ password: 'Wrong1234' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', { password: ['That password is not correct.'] })

    const response = await client
      .post(urlFor('recovery_codes.store'))
      .loginAs(user)
      .form({ password: 'Secret123' })
      .withCsrfToken()
    response.assertStatus(200)
    await user.refresh()
    assert.notInclude(user.recoveryCodeDigests, twoFactor.digestRecoveryCode(codes[0]))
    assert.lengthOf(user.recoveryCodeDigests, 10)
  })

  test('the security page says how many recovery codes are left', async ({ client }) => {
    const { user } = await memberWithTwoFactor()
    const response = await client.get(urlFor('two_factor.show')).loginAs(user)
    response.assertTextIncludes('<strong>10</strong> unused recovery')
  })
})

test.group('Two-factor login', (group) => {
  isolateDatabase(group)

  test('the password alone does not sign in: a code is asked for', async ({ client, assert }) => {
    const { user } = await memberWithTwoFactor()
    const login = await signIn(client, user)
    login.assertHeader('location', '/login/two-factor')
    login.assertSessionMissing('auth_web')

    const challenge = await client.get(urlFor('two_factor_challenge.create')).inSessionOf(login)
    challenge.assertStatus(200)
    challenge.assertTextIncludes('Enter the 6-digit code')
    const settings = await client.get(urlFor('user_sessions.index')).inSessionOf(login).redirects(0)
    settings.assertHeader('location', '/login')
    const pending = await User.findOrFail(user.id)
    assert.isNull(pending.lastLoginAt)
  })

  test('a current code completes the sign-in, once', async ({ client, assert }) => {
    const { user, secret } = await memberWithTwoFactor()
    const login = await signIn(client, user)
    const code = generateSync({ secret })
    const response = await client
      .post(urlFor('two_factor_challenge.store'))
      .inSessionOf(login)
      .form({ code })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    const signedIn = await User.findOrFail(user.id)
    assert.isNotNull(signedIn.lastLoginAt)

    const again = await signIn(client, user)
    const replay = await client
      .post(urlFor('two_factor_challenge.store'))
      .inSessionOf(again)
      .form({ code })
      .withCsrfToken()
      .redirects(0)
    replay.assertSessionMissing('auth_web')
    replay.assertFlashMessage('inputErrorsBag', {
      code: ['That code is not valid. Enter the current code from your app, or a recovery code.'],
    })
  })

  test('a recovery code signs in and is spent', async ({ client, assert }) => {
    const { user, codes } = await memberWithTwoFactor()
    const login = await signIn(client, user)
    const response = await client
      .post(urlFor('two_factor_challenge.store'))
      .inSessionOf(login)
      .form({ code: codes[3].toUpperCase() })
      .withCsrfToken()
      .redirects(0)
    response.assertSession('auth_web', user.id)
    await user.refresh()
    assert.lengthOf(user.recoveryCodeDigests, 9)

    const again = await signIn(client, user)
    const reuse = await client
      .post(urlFor('two_factor_challenge.store'))
      .inSessionOf(again)
      .form({ code: codes[3] })
      .withCsrfToken()
      .redirects(0)
    reuse.assertSessionMissing('auth_web')
  })

  test('wrong codes count towards the sign-in lock', async ({ client, assert }) => {
    const { user } = await memberWithTwoFactor()
    const login = await signIn(client, user)
    for (let attempt = 1; attempt <= 4; attempt++) {
      await client
        .post(urlFor('two_factor_challenge.store'))
        .inSessionOf(login)
        .form({ code: '123456' })
        .withCsrfToken()
    }
    const fifth = await client
      .post(urlFor('two_factor_challenge.store'))
      .inSessionOf(login)
      .form({ code: '123456' })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(fifth.flashMessage('error')), /locked for 15 more minutes/)
    const again = await signIn(client, user)
    again.assertSessionMissing('auth_web')
    assert.match(String(again.flashMessage('error')), /locked for 1[45] more minutes/)
  })

  test('without a pending sign-in the code page sends back to the login', async ({ client }) => {
    const response = await client.get(urlFor('two_factor_challenge.create')).redirects(0)
    response.assertHeader('location', '/login')
    const post = await client
      .post(urlFor('two_factor_challenge.store'))
      .form({ code: '123456' })
      .withCsrfToken()
      .redirects(0)
    post.assertHeader('location', '/login')
    post.assertSessionMissing('auth_web')
  })

  test('a pending sign-in expires after five minutes', async ({ client }) => {
    const { user, secret } = await memberWithTwoFactor()
    const response = await client
      .post(urlFor('two_factor_challenge.store'))
      .withSession({
        pending_two_factor: {
          userId: user.id,
          remember: false,
          startedAt: Date.now() - 6 * 60_000,
        },
      })
      .form({ code: generateSync({ secret }) })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
  })
})
