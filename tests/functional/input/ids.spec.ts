import { test } from '@japa/runner'
import ClaimBounty from '#actions/bounties/claim_bounty'
import { AttachmentFactory } from '#database/factories/attachment_factory'
import { BountyFactory } from '#database/factories/bounty_factory'
import { UserFactory } from '#database/factories/user_factory'
import { memberWithToken } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { balancesOf, fund } from '#tests/helpers/ledger'
import { funded, postBounty } from '#tests/helpers/bounties'
import { countRows } from '#tests/helpers/accounts'

/**
 * An id means the same record in any letter case (PostgreSQL reads both),
 * so it is brought to lower case where it arrives and every comparison past
 * that point holds.
 */
test.group('Ids in upper case', (group) => {
  isolateDatabase(group)

  test('a tip to yourself by your id in upper case is refused like in lower case', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    await fund(user, '20')

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: user.id.toUpperCase(), amount: 1 })

    response.assertStatus(422)
    assert.deepEqual(response.body().error.details, [
      { field: 'toUserId', message: 'You cannot tip yourself', rule: 'notSelf' },
    ])
    assert.deepEqual(await balancesOf(user), { balance: '20.00', held: '0.00' })
  })

  test('a tip by a recipient id in upper case reaches that member', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const receiver = await UserFactory.apply('verified').create()
    await fund(user, '20')

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: receiver.id.toUpperCase(), amount: 5 })

    response.assertStatus(201)
    assert.deepEqual(await balancesOf(receiver), { balance: '5.00', held: '0.00' })
  })

  test('a route id in upper case names the same record', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const bounty = await BountyFactory.apply('available').create()

    const response = await client
      .get(`/api/v1/bounties/${bounty.id.toUpperCase()}`)
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.equal(response.body().data.id, bounty.id)
  })

  test('a route id with letters past f is no id: 404, never a database error', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()
    const notAnId = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'

    const api = await client
      .get(`/api/v1/bounties/${notAnId}`)
      .header('authorization', authorization)
    const page = await client.get(`/bounties/${notAnId}`).loginAs(user)

    api.assertStatus(404)
    assert.equal(api.body().error.code, 'NOT_FOUND')
    page.assertStatus(404)
  })

  test('the same id twice in a list, in two letter cases, is a duplicate', async ({
    client,
    assert,
  }) => {
    const bounty = await postBounty(await funded('100.00'))
    const { user, authorization } = await memberWithToken()
    await ClaimBounty.handle(user, bounty)
    const file = await AttachmentFactory.merge({ userId: user.id }).create()

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/submit`)
      .header('authorization', authorization)
      .json({ note: 'Done', attachmentIds: [file.id, file.id.toUpperCase()] })

    response.assertStatus(422)
    assert.deepInclude(response.body().error.details, {
      field: 'attachmentIds',
      message: 'The attachmentIds field has duplicate values',
      rule: 'distinct',
    })
    assert.equal(await countRows('bounty_submissions'), 0)
  })
})
