import { test } from '@japa/runner'
import UserProfile from '#models/user_profile'
import { fund } from '#tests/helpers/ledger'
import { isolateDatabase } from '#tests/helpers/database'
import {
  type InvalidInput,
  memberWithToken,
  refusesInvalidInput,
} from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('GET /api/v1/users/profile', (group) => {
  isolateDatabase(group)

  test('answers the caller with profile, settings and a zero balance', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)

    response.assertStatus(200)
    const { data, meta } = response.body()
    assert.deepEqual(Object.keys(data).sort(), [
      'avatarUrl',
      'balance',
      'createdAt',
      'email',
      'emailVerified',
      'firstName',
      'id',
      'lastName',
      'profile',
      'role',
      'settings',
      'username',
    ])
    assert.equal(data.id, user.id)
    assert.equal(data.balance, '0.00')
    assert.equal(data.profile.experienceLevel, 'BEGINNER')
    assert.isFalse(data.settings.twoFactorEnabled)
    assert.match(data.createdAt, /Z$/)
    assert.equal(meta.version, 'v1')
  })

  test('balance is what the wallet holds, as a two-decimal string', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '150.5')

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)

    assert.equal(response.body().data.balance, '150.50')
  })

  test('needs a token with the read ability', async ({ client }) => {
    const { authorization } = await memberWithToken(['write'])

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)

    response.assertStatus(403)
    response.assertBodyContains({ error: { code: 'FORBIDDEN' } })
  })
})

test.group('PUT /api/v1/users/profile', (group) => {
  isolateDatabase(group)

  test('changes the fields sent, clears the ones set to null, keeps the rest', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await UserProfile.updateOrCreate({ userId: user.id }, { company: 'Corps', location: 'Tokyo' })

    const response = await client
      .put('/api/v1/users/profile')
      .header('authorization', authorization)
      .json({
        firstName: 'Tanjiro',
        bio: 'Water breathing',
        website: 'https://example.com',
        githubUsername: '@tanjiro',
        experienceLevel: 'EXPERT',
        location: null,
      })

    response.assertStatus(200)
    const { data } = response.body()
    assert.equal(data.firstName, 'Tanjiro')
    assert.equal(data.lastName, user.lastName)
    assert.include(data.profile, {
      bio: 'Water breathing',
      website: 'https://example.com',
      githubUsername: 'tanjiro',
      experienceLevel: 'EXPERT',
      location: null,
      company: 'Corps',
    })
    const stored = await UserProfile.findOrFail(user.id)
    assert.equal(stored.bio, 'Water breathing')
    assert.isNull(stored.location)
  })

  const invalid: InvalidInput[] = [
    ['firstName is too long', { firstName: 'a'.repeat(101) }, 'firstName', 'maxLength'],
    ['lastName is not text', { lastName: 12 }, 'lastName', 'string'],
    ['bio is too long', { bio: 'a'.repeat(1001) }, 'bio', 'maxLength'],
    ['location is too long', { location: 'a'.repeat(101) }, 'location', 'maxLength'],
    ['website is not a URL', { website: 'javascript:alert(1)' }, 'website', 'url'],
    ['phone has letters', { phone: 'call me maybe' }, 'phone', 'regex'],
    ['jobTitle is too long', { jobTitle: 'a'.repeat(101) }, 'jobTitle', 'maxLength'],
    ['company is too long', { company: 'a'.repeat(101) }, 'company', 'maxLength'],
    ['experienceLevel is unknown', { experienceLevel: 'GOD' }, 'experienceLevel', 'enum'],
    ['portfolioUrl has no protocol', { portfolioUrl: 'example.com' }, 'portfolioUrl', 'url'],
    ['githubUsername has spaces', { githubUsername: 'a b' }, 'githubUsername', 'regex'],
    [
      'linkedinUsername is too long',
      { linkedinUsername: 'a'.repeat(40) },
      'linkedinUsername',
      'maxLength',
    ],
    ['twitterUsername has odd characters', { twitterUsername: 'x<y>' }, 'twitterUsername', 'regex'],
  ]
  refusesInvalidInput(invalid, {
    given: memberWithToken,
    send: (client, body, { authorization }) =>
      client.put('/api/v1/users/profile').header('authorization', authorization).json(body),
    unchanged: async (assert, { user }) => {
      await user.refresh()
      assert.notEqual(user.firstName, 'a'.repeat(101))
    },
  })

  test('needs a token with the write ability', async ({ client }) => {
    const { authorization } = await memberWithToken(['read'])

    const response = await client
      .put('/api/v1/users/profile')
      .header('authorization', authorization)
      .json({ bio: 'x' })

    response.assertStatus(403)
  })

  test('without a token answers 401', async ({ client }) => {
    const response = await client.put('/api/v1/users/profile').json({ bio: 'x' })

    response.assertStatus(401)
  })
})
