import { test } from '@japa/runner'
import { generateSync } from 'otplib'
import User from '#models/user'
import UserSetting from '#models/user_setting'
import { twoFactor } from '#services/two_factor'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { type InvalidInput, refusesInvalidInput } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

async function withTwoFactor(user: User) {
  const secret = twoFactor.newSecret()
  user.twoFactorSecret = twoFactor.encryptSecret(secret)
  await user.save()
  await UserSetting.updateOrCreate({ userId: user.id }, { twoFactorEnabled: true })
  return secret
}

test.group('POST /api/v1/auth/login', (group) => {
  isolateDatabase(group)

  test('signs in with the email and answers the user and a token with every ability', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('verified').create()

    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email.toUpperCase(), password: FACTORY_PASSWORD })

    response.assertStatus(200)
    assert.equal(response.body().data.user.id, user.id)
    assert.isTrue(response.body().data.user.emailVerified)
    const tokens = await User.accessTokens.all(user)
    assert.lengthOf(tokens, 1)
    assert.deepEqual(tokens[0].abilities, ['*'])
  })

  test('signs in with the username', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/api/v1/auth/login')
      .json({ username: user.username, password: FACTORY_PASSWORD })

    response.assertStatus(200)
    assert.equal(response.body().data.user.username, user.username)
  })

  test('a wrong password and an unknown account get the same 401 INVALID_CREDENTIALS', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()

    const wrong = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: 'Wrong12345' })
    const unknown = await client
      .post('/api/v1/auth/login')
      .json({ email: 'nobody@example.com', password: 'Wrong12345' })

    wrong.assertStatus(401)
    unknown.assertStatus(401)
    assert.equal(wrong.body().error.code, 'INVALID_CREDENTIALS')
    assert.deepEqual(wrong.body().error, unknown.body().error)
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('five failures from one address lock it out: 423 ACCOUNT_LOCKED with Retry-After', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await client
        .post('/api/v1/auth/login')
        .json({ email: user.email, password: 'Wrong12345' })
      response.assertStatus(401)
    }

    const fifth = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: 'Wrong12345' })
    const correct = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })

    fifth.assertStatus(423)
    assert.equal(fifth.body().error.code, 'ACCOUNT_LOCKED')
    correct.assertStatus(423)
    assert.isAbove(Number(correct.header('retry-after')), 0)
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('a stranger locked out after five failures does not stop the owner elsewhere', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const from = (address: string, password: string) =>
      client
        .post('/api/v1/auth/login')
        .header('x-forwarded-for', address)
        .json({ username: user.username, password })
    for (let attempt = 0; attempt < 5; attempt++) await from('203.0.113.66', 'Wrong12345')

    const stranger = await from('203.0.113.66', FACTORY_PASSWORD)
    stranger.assertStatus(423)
    assert.equal(stranger.body().error.code, 'ACCOUNT_LOCKED')
    assert.isAbove(Number(stranger.header('retry-after')), 14 * 60)
    const owner = await from('198.51.100.7', FACTORY_PASSWORD)
    owner.assertStatus(200)
    assert.lengthOf(await User.accessTokens.all(user), 1)
  })

  test('a deactivated account answers 403 ACCOUNT_INACTIVE', async ({ client }) => {
    const user = await UserFactory.apply('inactive').create()

    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })

    response.assertStatus(403)
    response.assertBodyContains({ error: { code: 'ACCOUNT_INACTIVE' } })
  })

  test('a two-factor account without otp answers 401 TWO_FACTOR_REQUIRED', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await withTwoFactor(user)

    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })

    response.assertStatus(401)
    assert.equal(response.body().error.code, 'TWO_FACTOR_REQUIRED')
    assert.equal(response.body().error.details[0].field, 'otp')
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('a two-factor account signs in with a current code', async ({ client }) => {
    const user = await UserFactory.create()
    const secret = await withTwoFactor(user)

    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD, otp: generateSync({ secret }) })

    response.assertStatus(200)
  })

  test('a wrong code answers 401 INVALID_TWO_FACTOR_CODE', async ({ client }) => {
    const user = await UserFactory.create()
    await withTwoFactor(user)

    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD, otp: '000000' })

    response.assertStatus(401)
    response.assertBodyContains({
      error: { code: 'INVALID_TWO_FACTOR_CODE', details: [{ field: 'otp' }] },
    })
  })

  const invalid: InvalidInput[] = [
    ['neither email nor username is sent', { password: 'x' }, 'email', 'required'],
    ['the password is missing', { email: 'a@example.com' }, 'password', 'required'],
    ['the email is not text', { email: 1, password: 'x' }, 'email', 'string'],
    ['the email is too long', { email: 'a'.repeat(256), password: 'x' }, 'email', 'maxLength'],
    [
      'the username is too long',
      { username: 'a'.repeat(256), password: 'x' },
      'username',
      'maxLength',
    ],
    [
      'the password is too long',
      { email: 'a@b.co', password: 'x'.repeat(129) },
      'password',
      'maxLength',
    ],
    [
      'the otp is too long',
      { email: 'a@b.co', password: 'x', otp: '1'.repeat(21) },
      'otp',
      'maxLength',
    ],
  ]
  refusesInvalidInput(invalid, {
    send: (client, body) => client.post('/api/v1/auth/login').json(body),
  })

  test('sign-in is rate limited per IP', async ({ client, assert }) => {
    let last
    for (let attempt = 0; attempt < 21; attempt++) {
      last = await client.post('/api/v1/auth/login').json({})
    }

    last!.assertStatus(429)
    assert.equal(last!.body().error.code, 'RATE_LIMITED')
    assert.isAbove(Number(last!.header('retry-after')), 0)
  })
})
