import { test } from '@japa/runner'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import Transaction from '#models/transaction'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { bearerFor } from '#tests/functional/api/support'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { assertLedgerClean, funded, member, postBounty } from '#tests/helpers/bounties'

/**
 * Real concurrency: parallel HTTP requests, each in its own database
 * transaction, on tables emptied around every test (no global transaction).
 */
function statuses(responses: { status(): number }[]) {
  return responses.map((response) => response.status()).sort()
}

test.group('Bounty races', (group) => {
  truncateEachTest(group)

  test('of eight simultaneous claims exactly one wins; the others get ALREADY_CLAIMED', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const claimants = await Promise.all(Array.from({ length: 8 }, () => member()))
    const tokens = await Promise.all(claimants.map((claimant) => bearerFor(claimant)))

    const responses = await Promise.all(
      tokens.map((token) =>
        client.post(`/api/v1/bounties/${bounty.id}/assign`).header('authorization', token).json({})
      )
    )

    assert.deepEqual(statuses(responses), [200, 409, 409, 409, 409, 409, 409, 409])
    for (const response of responses.filter((candidate) => candidate.status() === 409)) {
      assert.equal(response.body().error.code, 'ALREADY_CLAIMED')
    }
    const claims = await BountyClaim.query().where('bounty_id', bounty.id)
    assert.lengthOf(claims, 1)
    const reloaded = await Bounty.findOrFail(bounty.id)
    assert.equal(reloaded.status, 'IN_PROGRESS')
    assert.equal(reloaded.assignedTo, claims[0].userId)
  })

  test('a three-slot bounty takes exactly three of eight simultaneous claims', async ({
    client,
    assert,
  }) => {
    const poster = await funded('300.00')
    const bounty = await postBounty(poster, { maxCompletions: 3 })
    const claimants = await Promise.all(Array.from({ length: 8 }, () => member()))
    const tokens = await Promise.all(claimants.map((claimant) => bearerFor(claimant)))

    const responses = await Promise.all(
      tokens.map((token) =>
        client.post(`/api/v1/bounties/${bounty.id}/assign`).header('authorization', token).json({})
      )
    )

    assert.deepEqual(statuses(responses), [200, 200, 200, 409, 409, 409, 409, 409])
    assert.lengthOf(await BountyClaim.query().where('bounty_id', bounty.id), 3)
    const full = await Bounty.findOrFail(bounty.id)
    assert.equal(full.status, 'IN_PROGRESS')
  })

  test('approve pressed five times at once pays exactly once', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    const token = await bearerFor(poster)

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.post(`/api/v1/bounties/${bounty.id}/approve`).header('authorization', token).json({})
      )
    )

    assert.deepEqual(statuses(responses), [200, 409, 409, 409, 409])
    assert.deepEqual(await balancesOf(worker), { balance: '100.00', held: '0.00' })
    const payouts = await Transaction.query().where('user_id', worker.id).where('type', 'EARN')
    assert.lengthOf(payouts, 1)
    await assertLedgerClean(assert)
  })

  test('the same Idempotency-Key sent twice at once moves the money once', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const token = await bearerFor(poster)
    const body = { title: 'Exactly once', description: 'Retry me', bountyAmount: '60.00' }

    const responses = await Promise.all(
      Array.from({ length: 2 }, () =>
        client
          .post('/api/v1/bounties')
          .header('authorization', token)
          .header('idempotency-key', 'same-key')
          .json(body)
      )
    )

    assert.include(statuses(responses), 201)
    assert.lengthOf(await Bounty.all(), 1)
    assert.deepEqual(await balancesOf(poster), { balance: '40.00', held: '60.00' })
    await assertLedgerClean(assert)
  })

  test('approve and request changes at once: exactly one of them happens', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const leader = await member('admin')
    const worker = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })

    const [approve, changes] = await Promise.all([
      client
        .post(`/api/v1/bounties/${bounty.id}/approve`)
        .header('authorization', await bearerFor(poster))
        .json({}),
      client
        .post(`/api/v1/bounties/${bounty.id}/request-changes`)
        .header('authorization', await bearerFor(leader))
        .json({ reason: 'Not yet' }),
    ])

    assert.deepEqual(statuses([approve, changes]), [200, 409])
    const reloaded = await Bounty.findOrFail(bounty.id)
    const { balance: paid } = await balancesOf(worker)
    if (approve.status() === 200) {
      assert.equal(reloaded.status, 'COMPLETED')
      assert.equal(paid, '100.00')
    } else {
      assert.equal(reloaded.status, 'IN_PROGRESS')
      assert.equal(paid, '0.00')
    }
    await assertLedgerClean(assert)
  })

  test('claim and cancel at once: either it is claimed or it is refunded, never both', async ({
    client,
    assert,
  }) => {
    for (let round = 0; round < 5; round++) {
      const poster = await funded('100.00')
      const worker = await member()
      const bounty = await postBounty(poster)

      const [claim, cancel] = await Promise.all([
        client
          .post(`/api/v1/bounties/${bounty.id}/assign`)
          .header('authorization', await bearerFor(worker))
          .json({}),
        client
          .post(`/api/v1/bounties/${bounty.id}/cancel`)
          .header('authorization', await bearerFor(poster))
          .json({}),
      ])

      assert.deepEqual(statuses([claim, cancel]), [200, 409])
      const reloaded = await Bounty.findOrFail(bounty.id)
      const { balance, held } = await balancesOf(poster)
      if (claim.status() === 200) {
        assert.equal(reloaded.status, 'IN_PROGRESS')
        assert.deepEqual({ balance, held }, { balance: '0.00', held: '100.00' })
      } else {
        assert.equal(reloaded.status, 'CANCELLED')
        assert.deepEqual({ balance, held }, { balance: '100.00', held: '0.00' })
      }
    }
    await assertLedgerClean(assert)
  })

  test('publishing a draft twice at once escrows once', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const draft = await postBounty(poster, { draft: true })
    const token = await bearerFor(poster)

    const responses = await Promise.all(
      Array.from({ length: 3 }, () =>
        client
          .put(`/api/v1/bounties/${draft.id}`)
          .header('authorization', token)
          .json({ draft: false })
      )
    )

    assert.deepEqual(statuses(responses), [200, 200, 200])
    assert.deepEqual(await balancesOf(poster), { balance: '0.00', held: '100.00' })
    const escrows = await Transaction.query().where('bounty_id', draft.id).where('type', 'SPEND')
    assert.lengthOf(escrows, 1)
    await assertLedgerClean(assert)
  })
})
