import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, refusesInvalidInput } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { memberCountOf, roleIn, teamWith } from '#tests/helpers/teams'
import { ACCESS_CODE_ALPHABET } from '#models/team'
import { countRows } from '#tests/helpers/accounts'
import '#tests/helpers/openapi'

async function as(user: User) {
  return { authorization: await bearerFor(user) }
}

test.group('Teams API: create, read, update, access code', (group) => {
  isolateDatabase(group)

  test('creating a team makes the creator its ADMIN with a fresh unambiguous code', async ({
    client,
    assert,
  }) => {
    const creator = await member()
    const response = await client
      .post('/api/v1/teams')
      .headers(await as(creator))
      .json({
        name: 'Water Breathing',
        description: 'Forms one to eleven',
        isPrivate: false,
        maxMembers: 5,
        timezone: 'Asia/Tokyo',
      })

    response.assertStatus(201)
    const team = response.body().data
    assert.include(team, {
      name: 'Water Breathing',
      description: 'Forms one to eleven',
      isPrivate: false,
      maxMembers: 5,
      memberCount: 1,
      role: 'ADMIN',
    })
    assert.lengthOf(team.accessCode, 8)
    assert.isTrue([...team.accessCode].every((char: string) => ACCESS_CODE_ALPHABET.includes(char)))
    assert.equal(await roleIn(team, creator), 'ADMIN')
    const row = await db.from('teams').where('id', team.id).first()
    assert.equal(row.timezone, 'Asia/Tokyo')
    assert.equal(row.created_by, creator.id)
  })

  test('a team gets the defaults: private, 20 members, UTC', async ({ client, assert }) => {
    const creator = await member()
    const response = await client
      .post('/api/v1/teams')
      .headers(await as(creator))
      .json({ name: 'Corps' })
    response.assertStatus(201)
    assert.include(response.body().data, { isPrivate: true, maxMembers: 20, description: null })
    const row = await db.from('teams').where('id', response.body().data.id).first()
    assert.equal(row.timezone, 'UTC')
  })

  test('GET /teams lists only the caller’s teams, each with the caller’s role', async ({
    client,
    assert,
  }) => {
    const [me, other] = await Promise.all([member(), member()])
    const mine = await teamWith(
      [
        [other, 'ADMIN'],
        [me, 'MEMBER'],
      ],
      { name: 'B team' }
    )
    const admin = await teamWith([[me, 'ADMIN']], { name: 'A team' })
    await teamWith([[other, 'ADMIN']], { name: 'Not mine' })

    const response = await client.get('/api/v1/teams').headers(await as(me))
    response.assertStatus(200)
    const data = response.body().data
    assert.deepEqual(
      data.map((team: { id: string; role: string }) => [team.id, team.role]),
      [
        [admin.id, 'ADMIN'],
        [mine.id, 'MEMBER'],
      ]
    )
    assert.isString(data[0].accessCode)
    assert.isNull(data[1].accessCode)
    assert.equal(response.body().meta.pagination.total, 2)
  })

  test('the access code shows to admins and moderators, not to members', async ({
    client,
    assert,
  }) => {
    const [admin, moderator, plain] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [moderator, 'MODERATOR'],
      [plain, 'MEMBER'],
    ])
    for (const [user, code] of [
      [admin, team.accessCode],
      [moderator, team.accessCode],
      [plain, null],
    ] as const) {
      const response = await client.get(`/api/v1/teams/${team.id}`).headers(await as(user))
      response.assertStatus(200)
      assert.equal(response.body().data.accessCode, code)
      assert.equal(response.body().data.memberCount, 3)
    }
  })

  test('an outsider gets 404 for a team, as for one that does not exist', async ({ client }) => {
    const [admin, outsider] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const auth = await as(outsider)
    const team404 = await client.get(`/api/v1/teams/${team.id}`).headers(auth)
    team404.assertStatus(404)
    const members404 = await client.get(`/api/v1/teams/${team.id}/members`).headers(auth)
    members404.assertStatus(404)
  })

  test('an admin changes the team’s settings, the fields sent only', async ({ client, assert }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])
    const response = await client
      .put(`/api/v1/teams/${team.id}`)
      .headers(await as(admin))
      .json({ name: 'Renamed', description: null, maxMembers: 40, timezone: 'Europe/Paris' })
    response.assertStatus(200)
    assert.include(response.body().data, { name: 'Renamed', description: null, maxMembers: 40 })
    const row = await db.from('teams').where('id', team.id).first()
    assert.equal(row.timezone, 'Europe/Paris')
  })

  test('the member limit cannot drop below the members the team has', async ({
    client,
    assert,
  }) => {
    const [admin, a, b] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [a, 'MEMBER'],
      [b, 'MEMBER'],
    ])
    const response = await client
      .put(`/api/v1/teams/${team.id}`)
      .headers(await as(admin))
      .json({ maxMembers: 2 })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    const row = await db.from('teams').where('id', team.id).first()
    assert.equal(row.max_members, 20)
  })

  test('a new access code works and the old one stops working at once', async ({
    client,
    assert,
  }) => {
    const [admin, joiner] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const old = team.accessCode

    const replaced = await client
      .post(`/api/v1/teams/${team.id}/access-code`)
      .headers(await as(admin))
    replaced.assertStatus(200)
    const fresh = replaced.body().data.accessCode
    assert.notEqual(fresh, old)

    const joinerAuth = await as(joiner)
    const withOld = await client
      .post('/api/v1/teams/join')
      .headers(joinerAuth)
      .json({ accessCode: old })
    withOld.assertStatus(404)
    assert.equal(withOld.body().error.code, 'NOT_FOUND')
    const withNew = await client
      .post('/api/v1/teams/join')
      .headers(joinerAuth)
      .json({ accessCode: fresh })
    withNew.assertStatus(200)
    assert.equal(await memberCountOf(team), 2)
  })
})

test.group('Teams API: input', (group) => {
  isolateDatabase(group)

  refusesInvalidInput(
    [
      ['the name is missing', {}, 'name', 'required'],
      ['the name is one letter', { name: 'A' }, 'name', 'minLength'],
      ['the name is blank', { name: '   ' }, 'name', 'required'],
      ['the limit is below two', { name: 'Team', maxMembers: 1 }, 'maxMembers', 'min'],
      ['the limit is above 1000', { name: 'Team', maxMembers: 1001 }, 'maxMembers', 'max'],
      [
        'the limit is not whole',
        { name: 'Team', maxMembers: 2.5 },
        'maxMembers',
        'withoutDecimals',
      ],
      [
        'the timezone is not IANA',
        { name: 'Team', timezone: 'Mars/Olympus' },
        'timezone',
        'timezone',
      ],
      [
        'isPrivate is not a boolean',
        { name: 'Team', isPrivate: 'perhaps' },
        'isPrivate',
        'boolean',
      ],
    ],
    {
      given: async () => ({ authorization: await bearerFor(await member()) }),
      send: (client, body, headers) => client.post('/api/v1/teams').headers(headers).json(body),
      unchanged: async (assert) => assert.equal(await countRows('teams'), 0),
    }
  )

  refusesInvalidInput(
    [
      ['the code is missing', {}, 'accessCode', 'required'],
      ['the code has symbols', { accessCode: 'AB-CD-EF' }, 'accessCode', 'regex'],
      ['the code is too long', { accessCode: 'A'.repeat(13) }, 'accessCode', 'maxLength'],
    ],
    {
      given: async () => ({ authorization: await bearerFor(await member()) }),
      send: (client, body, headers) =>
        client.post('/api/v1/teams/join').headers(headers).json(body),
    }
  )

  refusesInvalidInput(
    [
      ['the role is unknown', { role: 'OWNER' }, 'role', 'enum'],
      ['the role is missing', {}, 'role', 'required'],
    ],
    {
      given: async () => {
        const [admin, other] = await Promise.all([member(), member()])
        const team = await teamWith([
          [admin, 'ADMIN'],
          [other, 'MEMBER'],
        ])
        return { team, other, headers: { authorization: await bearerFor(admin) } }
      },
      send: (client, body, { team, other, headers }) =>
        client.put(`/api/v1/teams/${team.id}/members/${other.id}`).headers(headers).json(body),
      unchanged: async (assert, { team, other }) =>
        assert.equal(await roleIn(team, other), 'MEMBER'),
    }
  )

  refusesInvalidInput([['the limit is below two', { maxMembers: 0 }, 'maxMembers', 'min']], {
    given: async () => {
      const admin = await member()
      const team = await teamWith([[admin, 'ADMIN']])
      return { team, headers: { authorization: await bearerFor(admin) } }
    },
    send: (client, body, { team, headers }) =>
      client.put(`/api/v1/teams/${team.id}`).headers(headers).json(body),
  })
})
