import { test } from '@japa/runner'
import type Team from '#models/team'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, refusesInvalidInput } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'
import { CHECKIN_NOTE_MAX_LENGTH } from '#validators/check_in'

const valid = { productive: 8, satisfied: 7, body: 6, care: 9 }

async function given() {
  const user = await member()
  const team = await teamWith([[user, 'MEMBER']])
  return { user, team, authorization: await bearerFor(user) }
}

type Given = { user: User; team: Team; authorization: string }

test.group('API POST /checkins refuses bad input', (group) => {
  isolateDatabase(group)

  refusesInvalidInput<Given>(
    [
      ['a score is above 10', { ...valid, care: 11 }, 'care', 'range'],
      ['a score is below 1', { ...valid, productive: 0 }, 'productive', 'range'],
      ['a score has decimals', { ...valid, body: 6.5 }, 'body', 'withoutDecimals'],
      ['a score is not a number', { ...valid, satisfied: 'lots' }, 'satisfied', 'number'],
      ['a score is missing', { productive: 8, satisfied: 7, body: 6 }, 'care', 'required'],
      ['the team is not a uuid', { ...valid, teamId: 'team-1' }, 'teamId', 'uuid'],
      [
        'the note is too long',
        { ...valid, note: 'x'.repeat(CHECKIN_NOTE_MAX_LENGTH + 1) },
        'note',
        'maxLength',
      ],
      ['isPrivate is not a boolean', { ...valid, isPrivate: 'perhaps' }, 'isPrivate', 'boolean'],
    ],
    {
      given,
      send: (client, body, { team, authorization }) =>
        client
          .post('/api/v1/checkins')
          .header('authorization', authorization)
          .json({ teamId: team.id, ...body }),
      unchanged: async (assert) => assert.equal(await countRows('check_ins'), 0),
    }
  )
})

test.group('API PUT /checkins/:id and GET /checkins/team/:id refuse bad input', (group) => {
  isolateDatabase(group)

  refusesInvalidInput<Given & { id: string }>(
    [
      ['a changed score is out of range', { care: 42 }, 'care', 'range'],
      ['a changed score is a string of letters', { body: 'high' }, 'body', 'number'],
    ],
    {
      given: async () => {
        const setup = await given()
        const checkIn = await checkInRow(setup.team, setup.user, valid)
        return { ...setup, id: checkIn.id }
      },
      send: (client, body, { id, authorization }) =>
        client.put(`/api/v1/checkins/${id}`).header('authorization', authorization).json(body),
    }
  )

  test('weeks above 52 is 422 on weeks', async ({ client, assert }) => {
    const { team, authorization } = await given()
    const response = await client
      .get(`/api/v1/checkins/team/${team.id}`)
      .qs({ weeks: 53 })
      .header('authorization', authorization)
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'weeks')
  })
})
