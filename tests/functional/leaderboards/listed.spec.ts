import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import SetActivation from '#actions/admin/set_activation'
import DeleteAccount from '#actions/users/delete_account'
import MemberTotals from '#gamification/member_totals'
import Leaderboard, { type LeaderboardQuery } from '#gamification/leaderboard'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { truncateEachTest } from '#tests/helpers/ledger'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { bearerFor } from '#tests/functional/api/support'
import type User from '#models/user'

const BOARD: LeaderboardQuery = { period: 'all', metric: 'points', teamId: null }

async function complete(poster: User, worker: User, amount: string) {
  const bounty = await postBounty(poster, { bountyAmount: Money.parse(amount), priority: 'LOW' })
  await ClaimBounty.handle(worker, bounty)
  await SubmitWork.handle(worker, bounty, { note: 'Done' })
  await ApproveWork.handle(poster, bounty)
}

/**
 * The `listed` flag of each of the member's rows (week, month, all time).
 */
async function listedRows(user: User) {
  const rows = await db.from('member_totals').where('user_id', user.id).orderBy('period')
  return rows.map((row) => `${row.period} ${row.listed}`)
}

async function topNames() {
  const top = await Leaderboard.top(BOARD, 50)
  return top.map((entry) => entry.user.username)
}

/**
 * Ann and Bob each with a payout (Bob's worth more), through the ledger, so
 * their rows are the ones payouts write.
 */
async function twoEarners() {
  const poster = await funded('900.00')
  const [ann, bob] = [await member(), await member()]
  await complete(poster, ann, '10.00')
  await complete(poster, bob, '40.00')
  return { poster, ann, bob }
}

test.group('Leaderboards: who is listed (member_totals.listed)', (group) => {
  truncateEachTest(group)

  test('opting out through the settings flips the member’s rows and takes them off the boards; opting back in returns them', async ({
    client,
    assert,
  }) => {
    const { ann, bob } = await twoEarners()
    const authorization = await bearerFor(bob)
    const setOptOut = async (out: boolean) => {
      const response = await client
        .put('/api/v1/users/settings')
        .header('authorization', authorization)
        .json({ leaderboardOptOut: out })
      response.assertStatus(200)
    }
    assert.deepEqual(await listedRows(bob), ['WEEK true', 'MONTH true', 'ALL true'])
    assert.deepInclude(await Leaderboard.standingOf(ann.id, BOARD), { rank: 2 })

    await setOptOut(true)

    assert.deepEqual(await listedRows(bob), ['WEEK false', 'MONTH false', 'ALL false'])
    assert.deepEqual(await topNames(), [ann.username])
    assert.isNull(await Leaderboard.standingOf(bob.id, BOARD))
    assert.deepInclude(await Leaderboard.standingOf(ann.id, BOARD), { rank: 1 })
    assert.deepEqual(await listedRows(ann), ['WEEK true', 'MONTH true', 'ALL true'])

    await setOptOut(false)

    assert.deepEqual(await listedRows(bob), ['WEEK true', 'MONTH true', 'ALL true'])
    assert.deepEqual(await topNames(), [bob.username, ann.username])
    assert.deepInclude(await Leaderboard.standingOf(ann.id, BOARD), { rank: 2 })
  })

  test('deactivating a member takes their rows off the boards and reactivating returns them', async ({
    assert,
  }) => {
    const { ann, bob } = await twoEarners()
    const admin = await member('admin')

    await SetActivation.handle({ user: admin, ip: null }, bob, false)

    assert.deepEqual(await listedRows(bob), ['WEEK false', 'MONTH false', 'ALL false'])
    assert.deepEqual(await topNames(), [ann.username])
    assert.isNull(await Leaderboard.standingOf(bob.id, BOARD))
    assert.deepInclude(await Leaderboard.standingOf(ann.id, BOARD), { rank: 1 })

    await SetActivation.handle({ user: admin, ip: null }, bob, true)

    assert.deepEqual(await listedRows(bob), ['WEEK true', 'MONTH true', 'ALL true'])
    assert.deepEqual(await topNames(), [bob.username, ann.username])
  })

  test('a deleted account’s rows leave the boards', async ({ assert }) => {
    const { ann, bob } = await twoEarners()

    await DeleteAccount.handle(bob, FACTORY_PASSWORD)

    assert.deepEqual(await listedRows(bob), ['WEEK false', 'MONTH false', 'ALL false'])
    assert.deepEqual(await topNames(), [ann.username])
    assert.isNull(await Leaderboard.standingOf(bob.id, BOARD))
  })

  test('a payout to an opted-out member counts but stays off the boards', async ({ assert }) => {
    const poster = await funded('900.00')
    const ann = await member()
    await db.from('user_settings').where('user_id', ann.id).update({ leaderboard_opt_out: true })

    await complete(poster, ann, '10.00')

    assert.deepEqual(await listedRows(ann), ['WEEK false', 'MONTH false', 'ALL false'])
    assert.equal(await MemberTotals.pointsOf(ann.id), 20)
    assert.deepEqual(await topNames(), [])
  })

  test('rebuilding from the ledger lands on the same listed flags', async ({ assert }) => {
    const { poster, ann, bob } = await twoEarners()
    const cid = await member()
    await complete(poster, cid, '5.00')
    await db.from('user_settings').where('user_id', ann.id).update({ leaderboard_opt_out: true })
    await db.from('users').where('id', cid.id).update({ is_active: false })
    const flags = () =>
      db.from('member_totals').select('period', 'user_id', 'listed').orderBy(['period', 'user_id'])
    const incremental = await flags()
    assert.deepEqual(
      incremental.filter((row) => row.listed).map((row) => row.user_id),
      [bob.id, bob.id, bob.id]
    )

    await db.transaction((trx) => MemberTotals.rebuild(trx))

    assert.deepEqual(await flags(), incremental)
  })
})
