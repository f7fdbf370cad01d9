import { test } from '@japa/runner'
import Money from '#ledger/money'
import AbandonBounty from '#actions/bounties/abandon_bounty'
import ApproveWork from '#actions/bounties/approve_work'
import CancelBounty from '#actions/bounties/cancel_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import '#tests/helpers/openapi'

test.group('GET /api/v1/users/stats (bounty figures)', (group) => {
  isolateDatabase(group)

  test('counts posted, active and completed bounties and the money earned and spent', async ({
    client,
    assert,
  }) => {
    const poster = await funded('1000.00')
    const worker = await member()
    const paid = await postBounty(poster, { bountyAmount: Money.parse('100.00') })
    const refunded = await postBounty(poster, { bountyAmount: Money.parse('40.00') })
    const active = await postBounty(poster, { bountyAmount: Money.parse('10.00') })
    const abandoned = await postBounty(poster, { bountyAmount: Money.parse('5.00') })
    await postBounty(poster, { draft: true })
    await ClaimBounty.handle(worker, paid)
    await SubmitWork.handle(worker, paid, { note: 'Done' })
    await ApproveWork.handle(poster, paid)
    await CancelBounty.handle(poster, refunded)
    await ClaimBounty.handle(worker, active)
    await ClaimBounty.handle(worker, abandoned)
    await AbandonBounty.handle(worker, abandoned)

    const posterStats = await client
      .get('/api/v1/users/stats')
      .header('authorization', await bearerFor(poster))
    const workerStats = await client
      .get('/api/v1/users/stats')
      .header('authorization', await bearerFor(worker))

    assert.deepEqual(posterStats.body().data, {
      postedCount: 4,
      completedCount: 0,
      activeCount: 0,
      earned: '0.00',
      spent: '115.00',
      completionRate: 0,
    })
    assert.deepEqual(workerStats.body().data, {
      postedCount: 0,
      completedCount: 1,
      activeCount: 1,
      earned: '100.00',
      spent: '0.00',
      completionRate: 0.3333,
    })
  })
})
