import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { type InvalidInput, refusesInvalidInput } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

const valid = { username: 'Tanjiro_1', email: 'Tanjiro@Example.com', password: 'Secret123' }

test.group('POST /api/v1/auth/register', (group) => {
  isolateDatabase(group)

  test('creates a member and answers 201 with the user and a working token', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()

    const response = await client.post('/api/v1/auth/register').json(valid)

    response.assertStatus(201)
    const { data, meta, success, message } = response.body()
    assert.isTrue(success)
    assert.equal(meta.version, 'v1')
    assert.isString(message)
    assert.include(data.user, {
      username: 'tanjiro_1',
      email: 'tanjiro@example.com',
      role: 'SLAYER',
      balance: '0.00',
      emailVerified: false,
      firstName: null,
    })
    assert.equal(data.user.settings.profileVisibility, 'PUBLIC')
    assert.match(data.token, /^crp_/)
    assert.notProperty(data.user, 'password')

    const user = await User.findByOrFail('username', 'tanjiro_1')
    assert.isTrue(await user.verifyPassword('Secret123'))
    mails.assertSentCount(1)

    const profile = await client
      .get('/api/v1/users/profile')
      .header('authorization', `Bearer ${data.token}`)
    profile.assertStatus(200)
    assert.equal(profile.body().data.id, data.user.id)
    mail.restore()
  })

  test('a taken email answers 409 EMAIL_ALREADY_EXISTS, whatever its case', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'tanjiro@example.com' }).create()

    const response = await client.post('/api/v1/auth/register').json(valid)

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'EMAIL_ALREADY_EXISTS')
    assert.deepEqual(response.body().error.details[0].field, 'email')
  })

  test('a taken username answers 409 USERNAME_TAKEN, whatever its case', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ username: 'tanjiro_1' }).create()

    const response = await client.post('/api/v1/auth/register').json(valid)

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'USERNAME_TAKEN')
    assert.isNull(await User.findBy('email', 'tanjiro@example.com'))
  })

  // Each body is a change to a valid registration.
  const invalid: InvalidInput[] = [
    ['the username missing', { username: undefined }, 'username', 'required'],
    ['the username too short', { username: 'ab' }, 'username', 'minLength'],
    ['the username too long', { username: 'a'.repeat(21) }, 'username', 'maxLength'],
    ['the username with a dash', { username: 'tan-jiro' }, 'username', 'regex'],
    ['the username not text', { username: 42 }, 'username', 'string'],
    ['the email missing', { email: undefined }, 'email', 'required'],
    ['the email malformed', { email: 'not-an-email' }, 'email', 'email'],
    ['the email too long', { email: `${'a'.repeat(250)}@example.com` }, 'email', 'maxLength'],
    ['the password missing', { password: undefined }, 'password', 'required'],
    ['the password too short', { password: 'Ab1' }, 'password', 'minLength'],
    ['the password too long', { password: `Aa1${'x'.repeat(126)}` }, 'password', 'maxLength'],
    ['the password without a digit', { password: 'Secretive' }, 'password', 'regex'],
    ['the password without an uppercase letter', { password: 'secret123' }, 'password', 'regex'],
    ['the password without a lowercase letter', { password: 'SECRET123' }, 'password', 'regex'],
  ]
  refusesInvalidInput(invalid, {
    send: (client, change) => client.post('/api/v1/auth/register').json({ ...valid, ...change }),
    unchanged: async (assert) => assert.lengthOf(await User.all(), 0),
  })

  test('registration is rate limited per IP with 429 RATE_LIMITED and Retry-After', async ({
    client,
    assert,
  }) => {
    const statuses = []
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await client.post('/api/v1/auth/register').json({ email: 'x' })
      statuses.push(response.status())
      if (response.status() === 429) {
        assert.equal(response.body().error.code, 'RATE_LIMITED')
        assert.isAbove(Number(response.header('retry-after')), 0)
      }
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(422))
    assert.equal(statuses[20], 429)
  })
})
