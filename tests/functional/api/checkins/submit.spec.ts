import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'

const seedAnswers = { productive: 8, satisfied: 7, body: 6, care: 9 }

/**
 * What was broadcast on team channels while `run` runs, as [channel,
 * payload] (a first check-in's badge goes to the member's own channel).
 */
async function broadcastsDuring(run: () => Promise<unknown>) {
  const sent: [string, any][] = []
  const original = transmit.broadcast.bind(transmit)
  transmit.broadcast = (channel: string, payload?: any) => {
    if (channel.startsWith('teams/')) sent.push([channel, payload])
  }
  try {
    await run()
  } finally {
    transmit.broadcast = original
  }
  return sent
}

test.group('API POST /checkins', (group) => {
  isolateDatabase(group)

  test('a member checks in: 201 with the score the database computed (8+7+6−9 = 12)', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    assert.equal(await countRows('check_ins'), 0)

    const response = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: team.id, ...seedAnswers, note: 'Shipped it' })

    response.assertStatus(201)
    const body = response.body().data
    assert.equal(body.score, 12)
    assert.equal(body.teamId, team.id)
    assert.equal(body.weekStart, CheckIn.weekStartOf('UTC'))
    assert.equal(body.note, 'Shipped it')
    assert.isFalse(body.isPrivate)
    const stored = await CheckIn.findOrFail(body.id)
    assert.equal(stored.score, 12)
    assert.equal(stored.userId, user.id)
  })

  test('a second check-in the same week is 409 DUPLICATE_CHECKIN and nothing changes', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    await checkInRow(team, user, seedAnswers)

    const response = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: team.id, productive: 1, satisfied: 1, body: 1, care: 1 })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'DUPLICATE_CHECKIN')
    const [only] = await CheckIn.query().where('team_id', team.id)
    assert.equal(only.score, 12)
    assert.equal(await countRows('check_ins'), 1)
  })

  test('last week’s check-in does not stop this week’s', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    await checkInRow(team, user, seedAnswers, { weekStart: '2020-01-06' })

    const response = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: team.id, ...seedAnswers })

    response.assertStatus(201)
    assert.equal(await countRows('check_ins', { user_id: user.id }), 2)
  })

  test('the same member checks in with two teams in the same week', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const first = await teamWith([[user, 'MEMBER']])
    const second = await teamWith([[user, 'MEMBER']])
    for (const team of [first, second]) {
      const response = await client
        .post('/api/v1/checkins')
        .header('authorization', authorization)
        .json({ teamId: team.id, ...seedAnswers })
      response.assertStatus(201)
    }
    assert.equal(await countRows('check_ins', { user_id: user.id }), 2)
  })

  test('a non-member is refused with 403 FORBIDDEN and nothing is stored', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const team = await teamWith([[await member(), 'MEMBER']])

    const response = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: team.id, ...seedAnswers })

    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
    assert.equal(await countRows('check_ins'), 0)
  })

  test('an unknown team gets the same 403 as someone else’s', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()

    const response = await client
      .post('/api/v1/checkins')
      .header('authorization', authorization)
      .json({ teamId: '00000000-0000-4000-8000-000000000000', ...seedAnswers })

    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
  })

  test('teammates are told live; a private check-in goes out without its score', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([
      [user, 'MEMBER'],
      [await member(), 'MEMBER'],
    ])
    let response: any
    const sent = await broadcastsDuring(async () => {
      response = await client
        .post('/api/v1/checkins')
        .header('authorization', authorization)
        .json({ teamId: team.id, ...seedAnswers, isPrivate: true })
    })

    response.assertStatus(201)
    assert.deepEqual(sent, [
      [
        `teams/${team.id}`,
        {
          type: 'checkin.created',
          checkIn: {
            id: response.body().data.id,
            user: { id: user.id, username: user.username },
            score: null,
          },
        },
      ],
    ])
  })

  test('a public check-in goes out live with its score', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const team = await teamWith([[user, 'MEMBER']])
    const sent = await broadcastsDuring(() =>
      client
        .post('/api/v1/checkins')
        .header('authorization', authorization)
        .json({ teamId: team.id, ...seedAnswers })
    )
    assert.lengthOf(sent, 1)
    assert.equal(sent[0][1].checkIn.score, 12)
  })
})
