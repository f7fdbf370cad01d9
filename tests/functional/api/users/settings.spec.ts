import { test } from '@japa/runner'
import UserSetting from '#models/user_setting'
import { isolateDatabase } from '#tests/helpers/database'
import {
  type InvalidInput,
  memberWithToken,
  refusesInvalidInput,
} from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('PUT /api/v1/users/settings', (group) => {
  isolateDatabase(group)

  test('changes only the settings sent', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .put('/api/v1/users/settings')
      .header('authorization', authorization)
      .json({ marketingEmails: true, profileVisibility: 'PRIVATE' })

    response.assertStatus(200)
    assert.deepEqual(response.body().data, {
      emailNotifications: true,
      pushNotifications: true,
      marketingEmails: true,
      twoFactorEnabled: false,
      profileVisibility: 'PRIVATE',
      leaderboardOptOut: false,
      timezone: 'UTC',
    })
    const stored = await UserSetting.findOrFail(user.id)
    assert.isTrue(stored.marketingEmails)
    assert.isTrue(stored.emailNotifications)
  })

  test('sets the member’s timezone, which their analytics weeks follow', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    assert.equal(await UserSetting.timezoneOf(user), 'UTC')

    const response = await client
      .put('/api/v1/users/settings')
      .header('authorization', authorization)
      .json({ timezone: 'America/Los_Angeles' })

    response.assertStatus(200)
    assert.equal(response.body().data.timezone, 'America/Los_Angeles')
    assert.equal(await UserSetting.timezoneOf(user), 'America/Los_Angeles')
  })

  test('an empty body changes nothing', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()

    const response = await client
      .put('/api/v1/users/settings')
      .header('authorization', authorization)
      .json({})

    response.assertStatus(200)
    assert.isTrue(response.body().data.emailNotifications)
  })

  const invalid: InvalidInput[] = [
    [
      'emailNotifications is not a boolean',
      { emailNotifications: 'on' },
      'emailNotifications',
      'boolean',
    ],
    ['pushNotifications is a number', { pushNotifications: 1 }, 'pushNotifications', 'boolean'],
    ['marketingEmails is a string', { marketingEmails: 'true' }, 'marketingEmails', 'boolean'],
    [
      'profileVisibility is unknown',
      { profileVisibility: 'EVERYONE' },
      'profileVisibility',
      'enum',
    ],
    ['timezone is not an IANA name', { timezone: 'Mars/Olympus_Mons' }, 'timezone', 'timezone'],
    ['timezone is too long', { timezone: 'Europe/'.padEnd(65, 'x') }, 'timezone', 'maxLength'],
  ]
  refusesInvalidInput(invalid, {
    given: memberWithToken,
    send: (client, body, { authorization }) =>
      client.put('/api/v1/users/settings').header('authorization', authorization).json(body),
    unchanged: async (assert, { user }) => {
      const stored = await UserSetting.findOrFail(user.id)
      assert.equal(stored.profileVisibility, 'PUBLIC')
      assert.equal(await UserSetting.timezoneOf(user), 'UTC')
    },
  })

  test('needs a token with the write ability', async ({ client }) => {
    const { authorization } = await memberWithToken(['read', 'wallet'])

    const response = await client
      .put('/api/v1/users/settings')
      .header('authorization', authorization)
      .json({ marketingEmails: true })

    response.assertStatus(403)
  })
})
