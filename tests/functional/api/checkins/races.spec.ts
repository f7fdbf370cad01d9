import { test } from '@japa/runner'
import { bearerFor } from '#tests/functional/api/support'
import { truncateEachTest } from '#tests/helpers/ledger'
import { member } from '#tests/helpers/bounties'
import { teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'

/**
 * Real concurrency: parallel HTTP requests, each in its own database
 * transaction, on tables emptied around every test.
 */
test.group('Check-in races', (group) => {
  truncateEachTest(group)

  test('two check-ins sent at once: one 201, one 409 DUPLICATE_CHECKIN, one row', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    const authorization = await bearerFor(user)
    const body = { teamId: team.id, productive: 8, satisfied: 7, body: 6, care: 9 }

    const responses = await Promise.all(
      Array.from({ length: 2 }, () =>
        client.post('/api/v1/checkins').header('authorization', authorization).json(body)
      )
    )

    assert.deepEqual(responses.map((response) => response.status()).sort(), [201, 409])
    const refused = responses.find((response) => response.status() === 409)!
    assert.equal(refused.body().error.code, 'DUPLICATE_CHECKIN')
    assert.equal(await countRows('check_ins'), 1)
  })
})
