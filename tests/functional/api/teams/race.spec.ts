import { test } from '@japa/runner'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { truncateEachTest } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'
import { memberCountOf, teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

test.group('Teams API: the last seat', (group) => {
  truncateEachTest(group)

  test('of members racing for the last seat exactly one gets it', async ({ client, assert }) => {
    const admin = await member()
    const racers = await Promise.all([member(), member(), member(), member()])
    const team = await teamWith([[admin, 'ADMIN']], { maxMembers: 2 })
    const headers = await Promise.all(racers.map(async (racer) => bearerFor(racer)))

    const responses = await Promise.all(
      headers.map((authorization) =>
        client
          .post('/api/v1/teams/join')
          .header('authorization', authorization)
          .json({ accessCode: team.accessCode })
      )
    )

    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [200, 409, 409, 409])
    for (const response of responses.filter((answer) => answer.status() === 409)) {
      assert.equal(response.body().error.code, 'TEAM_FULL')
    }
    assert.equal(await memberCountOf(team), 2)
    assert.equal(await countRows('team_memberships', { team_id: team.id }), 2)
  })
})
