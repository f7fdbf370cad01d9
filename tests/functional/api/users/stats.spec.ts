import { test } from '@japa/runner'
import Money from '#ledger/money'
import SendTip from '#actions/wallet/send_tip'
import { UserFactory } from '#database/factories/user_factory'
import { fund } from '#tests/helpers/ledger'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('GET /api/v1/users/stats', (group) => {
  isolateDatabase(group)

  test('a new member has zero counts and zero amounts', async ({ client }) => {
    const { authorization } = await memberWithToken()

    const response = await client.get('/api/v1/users/stats').header('authorization', authorization)

    response.assertStatus(200)
    response.assertBodyContains({
      data: {
        postedCount: 0,
        completedCount: 0,
        activeCount: 0,
        earned: '0.00',
        spent: '0.00',
        completionRate: 0,
      },
    })
  })

  test('money sent and received shows as spent and earned, as decimal strings', async ({
    client,
    assert,
  }) => {
    const [sender, recipient] = await UserFactory.apply('verified').createMany(2)
    await fund(sender, '100.00')
    await SendTip.handle(sender, { to: { toUserId: recipient.id }, amount: Money.parse('12.50') })

    const sent = await client
      .get('/api/v1/users/stats')
      .header('authorization', await bearerFor(sender))
    const received = await client
      .get('/api/v1/users/stats')
      .header('authorization', await bearerFor(recipient))

    assert.equal(sent.body().data.spent, '12.50')
    assert.equal(sent.body().data.earned, '0.00')
    assert.equal(received.body().data.earned, '12.50')
  })

  test('without a token answers 401, without the read ability 403', async ({ client }) => {
    const { authorization } = await memberWithToken(['wallet'])

    const anonymous = await client.get('/api/v1/users/stats')
    const scoped = await client.get('/api/v1/users/stats').header('authorization', authorization)

    anonymous.assertStatus(401)
    scoped.assertStatus(403)
  })
})
