import { test } from '@japa/runner'
import Money from '#ledger/money'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import RequestChanges from '#actions/bounties/request_changes'
import { liveChannels } from '#services/broadcast'
import { truncateEachTest } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { Credentials, EventStream } from '#tests/helpers/live'

/*
| The `leaderboard` channel: everyone signed in may follow it; it carries
| `{ type: "leaderboard.updated" }` once a payout commits, and nothing else.
*/

type Cleanup = (callback: () => void) => void

async function streamOf(credentials: Credentials, cleanup: Cleanup) {
  const stream = await EventStream.open(credentials)
  cleanup(() => stream.close())
  return stream
}

test.group('Leaderboard live channel', (group) => {
  truncateEachTest(group)

  test('a signed-in member hears of a payout once it commits', async ({ assert, cleanup }) => {
    const poster = await funded('100.00')
    const [worker, watcher] = await Promise.all([member(), member()])
    const bounty = await postBounty(poster, { bountyAmount: Money.parse('30.00') })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    const stream = await streamOf(await Credentials.sessionFor(watcher), cleanup)
    const byToken = await streamOf(await Credentials.bearerFor(worker), cleanup)
    assert.equal(await stream.subscribe(liveChannels.leaderboard), 204)
    assert.equal(await byToken.subscribe(liveChannels.leaderboard), 204)

    await ApproveWork.handle(poster, bounty)

    assert.deepEqual(await stream.next(liveChannels.leaderboard), { type: 'leaderboard.updated' })
    assert.deepEqual(await byToken.next(liveChannels.leaderboard), {
      type: 'leaderboard.updated',
    })
  })

  test('work sent back pays nothing, announces nothing, and its worker still follows the boards', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('100.00')
    const [worker, watcher] = await Promise.all([member(), member()])
    const bounty = await postBounty(poster, { bountyAmount: Money.parse('30.00') })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    const stream = await streamOf(await Credentials.sessionFor(watcher), cleanup)
    assert.equal(await stream.subscribe(liveChannels.leaderboard), 204)

    await RequestChanges.handle(poster, bounty, { reason: 'Not yet' })

    const workers = await streamOf(await Credentials.sessionFor(worker), cleanup)
    assert.equal(await workers.subscribe(liveChannels.leaderboard), 204)
    assert.deepEqual(await stream.received(liveChannels.leaderboard), [])
    assert.deepEqual(await workers.received(liveChannels.leaderboard), [])
  })

  test('a visitor who is not signed in may not follow it', async ({ assert, cleanup }) => {
    const stream = await streamOf(await Credentials.visitor(), cleanup)
    assert.equal(await stream.subscribe(liveChannels.leaderboard), 400)
  })
})
