import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import Notification from '#models/notification'
import Transaction, { HIDDEN_BOUNTY_DESCRIPTION } from '#models/transaction'
import TagWatcher from '#models/tag_watcher'
import BountyWatcher from '#models/bounty_watcher'
import Tag from '#models/tag'
import type Team from '#models/team'
import type User from '#models/user'
import AddComment from '#actions/bounties/add_comment'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import ApproveWork from '#actions/bounties/approve_work'
import { isolateDatabase } from '#tests/helpers/database'
import { fund } from '#tests/helpers/ledger'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { addToTeam, removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

/*
| A team-only bounty over the API (F2): members of its team and Leaders see
| it; an outsider, and a former member (who posted, worked on or commented
| on it before leaving), get nothing: every path is checked for both.
*/

type Cast = {
  poster: User
  teammate: User
  former: User
  outsider: User
  team: Team
  bounty: Bounty
}

/**
 * A published team bounty that `former` worked on and commented on while
 * in the team, then left.
 */
async function cast(): Promise<Cast> {
  const poster = await funded('1000.00')
  const [teammate, former, outsider] = [await member(), await member(), await member()]
  const team = await teamOf([poster, teammate, former])
  const bounty = await postBounty(poster, {
    title: 'Rotate the night keys',
    description: 'Team secret: the vault code.',
    teamId: team.id,
  })
  await ClaimBounty.handle(former, bounty)
  await AddComment.handle(former, bounty, { content: 'On it' })
  await removeFromTeam(team.id, former)
  return { poster, teammate, former, outsider, team, bounty: await Bounty.findOrFail(bounty.id) }
}

async function get(client: ApiClient, user: User, path: string, qs: Record<string, unknown> = {}) {
  return client
    .get(`/api/v1${path}`)
    .qs(qs)
    .header('authorization', await bearerFor(user))
}

function titles(response: { body(): { data: { title: string }[] } }) {
  return response.body().data.map((bounty) => bounty.title)
}

test.group('API: team-only bounties stay inside the team', (group) => {
  isolateDatabase(group)

  test('the board, search and teamId filter list it for members and Leaders only', async ({
    client,
    assert,
  }) => {
    const { teammate, former, outsider, team, poster } = await cast()
    await postBounty(poster, { title: 'Open night shift', description: 'Anyone: the vault door.' })
    const leader = await member('admin')

    for (const query of [
      {},
      { q: 'vault' },
      { teamId: team.id },
      { teamId: team.id, q: 'vault' },
    ]) {
      const expected = 'teamId' in query ? ['Rotate the night keys'] : undefined
      const forMember = titles(await get(client, teammate, '/bounties', query))
      assert.sameMembers(forMember, expected ?? ['Rotate the night keys', 'Open night shift'])
      assert.include(titles(await get(client, leader, '/bounties', query)), 'Rotate the night keys')
      for (const stranger of [outsider, former]) {
        const listed = titles(await get(client, stranger, '/bounties', query))
        assert.notInclude(listed, 'Rotate the night keys', JSON.stringify(query))
      }
    }
  })

  test('its record, comments, timeline and submissions are a 404 to outsiders and former members', async ({
    client,
    assert,
  }) => {
    const { bounty, teammate, former, outsider } = await cast()
    for (const path of ['', '/comments', '/events', '/submissions', '/watch']) {
      const url = `/bounties/${bounty.id}${path}`
      const forMember = await get(client, teammate, url)
      forMember.assertStatus(200)
      for (const stranger of [outsider, former]) {
        const response = await get(client, stranger, url)
        assert.equal(response.status(), 404, `${url} for ${stranger.username}`)
        assert.notInclude(response.text(), 'Rotate the night keys')
      }
    }
  })

  test('outsiders and former members cannot comment on it, abandon it or watch it', async ({
    client,
    assert,
  }) => {
    const { bounty, former, outsider } = await cast()
    const before = await BountyClaim.query().where('bounty_id', bounty.id)
    for (const stranger of [outsider, former]) {
      const authorization = await bearerFor(stranger)
      const comment = await client
        .post(`/api/v1/bounties/${bounty.id}/comments`)
        .header('authorization', authorization)
        .json({ content: 'Let me in' })
      comment.assertStatus(404)
      const claim = await client
        .post(`/api/v1/bounties/${bounty.id}/unassign`)
        .header('authorization', authorization)
      claim.assertStatus(404)
      const watch = await client
        .put(`/api/v1/bounties/${bounty.id}/watch`)
        .header('authorization', authorization)
        .json({ level: 'watching' })
      watch.assertStatus(404)
    }
    const after = await BountyClaim.query().where('bounty_id', bounty.id)
    assert.deepEqual(
      after.map((claim) => claim.status),
      before.map((claim) => claim.status)
    )
  })

  test('a former member who is its assignee loses sight of it but keeps the slot until it is settled', async ({
    client,
    assert,
  }) => {
    const { bounty, former, poster } = await cast()
    const claim = await BountyClaim.query()
      .where('bounty_id', bounty.id)
      .where('user_id', former.id)
      .firstOrFail()
    assert.equal(claim.status, 'IN_PROGRESS')
    const page = await get(client, former, `/bounties/${bounty.id}`)
    page.assertStatus(404)
    const submit = await client
      .post(`/api/v1/bounties/${bounty.id}/submit`)
      .header('authorization', await bearerFor(former))
      .json({ note: 'Done' })
    submit.assertStatus(404)
    const forPoster = await get(client, poster, `/bounties/${bounty.id}`)
    forPoster.assertStatus(200)
  })

  test('only a member posts into a team: outsiders and former members get 403 and nothing is saved', async ({
    client,
    assert,
  }) => {
    const { team, former, outsider, teammate } = await cast()
    const body = { title: 'Inside job', description: 'Quietly', bountyAmount: '5.00', draft: true }
    for (const stranger of [outsider, former]) {
      const refused = await client
        .post('/api/v1/bounties')
        .header('authorization', await bearerFor(stranger))
        .json({ ...body, teamId: team.id })
      refused.assertStatus(403)
      assert.equal(refused.body().error.code, 'FORBIDDEN')
      assert.include(refused.body().error.message, 'Only members of a team')
    }
    const unknown = await client
      .post('/api/v1/bounties')
      .header('authorization', await bearerFor(teammate))
      .json({ ...body, teamId: '00000000-0000-4000-8000-000000000042' })
    unknown.assertStatus(403)
    assert.lengthOf(await Bounty.query().where('title', 'Inside job'), 0)

    const posted = await client
      .post('/api/v1/bounties')
      .header('authorization', await bearerFor(teammate))
      .json({ ...body, teamId: team.id })
    posted.assertStatus(201)
    assert.equal(posted.body().data.teamId, team.id)
  })

  test('moving a bounty into a team needs membership of that team', async ({ client, assert }) => {
    const { team, outsider } = await cast()
    await fund(outsider, '100.00')
    const own = await postBounty(outsider, { title: 'Mine to move' })
    const refused = await client
      .put(`/api/v1/bounties/${own.id}`)
      .header('authorization', await bearerFor(outsider))
      .json({ teamId: team.id })
    refused.assertStatus(403)
    const unmoved = await Bounty.findOrFail(own.id)
    assert.isNull(unmoved.teamId)

    await addToTeam(team.id, outsider)
    const moved = await client
      .put(`/api/v1/bounties/${own.id}`)
      .header('authorization', await bearerFor(outsider))
      .json({ teamId: team.id })
    moved.assertStatus(200)
    await own.refresh()
    assert.equal(own.teamId, team.id)
  })

  test('it cannot be assigned to someone outside its team', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const team = await teamOf([poster])
    const bounty = await postBounty(poster, { teamId: team.id })
    const outsider = await member()
    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .header('authorization', await bearerFor(poster))
      .json({ userId: outsider.id })
    response.assertStatus(403)
    assert.lengthOf(await BountyClaim.query().where('bounty_id', bounty.id), 0)
  })

  test('a Pillar reviews the bounties of their teams only', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const [worker, teamPillar, otherPillar] = [
      await member(),
      await member('pillar'),
      await member('pillar'),
    ]
    const team = await teamOf([poster, worker, teamPillar])
    await teamOf([otherPillar], { name: 'Day shift' })
    const bounty = await postBounty(poster, { teamId: team.id })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })

    const stranger = await client
      .post(`/api/v1/bounties/${bounty.id}/request-changes`)
      .header('authorization', await bearerFor(otherPillar))
      .json({ reason: 'Not ready yet' })
    stranger.assertStatus(404)
    const inTeam = await client
      .post(`/api/v1/bounties/${bounty.id}/request-changes`)
      .header('authorization', await bearerFor(teamPillar))
      .json({ reason: 'Add tests' })
    inTeam.assertStatus(200)
    const claim = await BountyClaim.query().where('bounty_id', bounty.id).firstOrFail()
    assert.equal(claim.status, 'IN_PROGRESS')
  })
})

test.group('API: team-only bounties in notifications and the wallet', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('a mention of an outsider or a former member in its comments notifies nobody outside', async ({
    assert,
  }) => {
    const { bounty, teammate, former, outsider, poster } = await cast()
    await AddComment.handle(poster, bounty, {
      content: `@${outsider.username} @${former.username} @${teammate.username} look`,
    })
    const mentions = await Notification.query().where('type', 'mention')
    assert.deepEqual(
      mentions.map((notification) => notification.userId),
      [teammate.id]
    )
  })

  test('leaving the team clears its bounties from the member’s notifications and watch list', async ({
    client,
    assert,
  }) => {
    const poster = await funded('200.00')
    const leaver = await member()
    const team = await teamOf([poster, leaver])
    const bounty = await postBounty(poster, { title: 'Rotate the night keys', teamId: team.id })
    const open = await postBounty(poster, { title: 'Open to everyone' })
    await AddComment.handle(leaver, bounty, { content: 'Watching this' })
    await AddComment.handle(poster, bounty, { content: `@${leaver.username} see this` })
    await AddComment.handle(leaver, open, { content: 'And this' })
    await AddComment.handle(poster, open, { content: `@${leaver.username} here too` })
    assert.lengthOf(await Notification.query().where('user_id', leaver.id), 2)

    await removeFromTeam(team.id, leaver)

    const kept = await Notification.query().where('user_id', leaver.id)
    assert.deepEqual(
      kept.map((notification) => notification.data.bountyId),
      [open.id]
    )
    const watched = await BountyWatcher.query().where('user_id', leaver.id)
    assert.deepEqual(
      watched.map((watcher) => watcher.bountyId),
      [open.id]
    )
    const inbox = await get(client, leaver, '/notifications')
    assert.notInclude(inbox.text(), 'Rotate the night keys')
  })

  test('a former member who watched it hears nothing more about it', async ({ assert }) => {
    const { bounty, former, teammate } = await cast()
    // Even a watch level left behind (leaving clears it) tells them nothing.
    await BountyWatcher.setLevel(former.id, bounty.id, 'watching')
    const before = await Notification.query().where('user_id', former.id).count('* as total')
    await AddComment.handle(teammate, bounty, { content: 'Progress?' })
    const after = await Notification.query().where('user_id', former.id).count('* as total')
    assert.equal(after[0].$extras.total, before[0].$extras.total)
    const poster = await Notification.query()
      .where('user_id', bounty.createdBy)
      .where('type', 'comment.created')
    assert.isAbove(poster.length, 0)
  })

  test('tag watchers outside its team are not told of it; members watching the tag are', async ({
    assert,
  }) => {
    const poster = await funded('100.00')
    const [teammate, outsider] = [await member(), await member()]
    const team = await teamOf([poster, teammate])
    const [tag] = await Tag.findOrCreateMany(['vault'], db.connection())
    for (const user of [teammate, outsider]) await TagWatcher.setLevel(user.id, tag.id, 'watching')

    await postBounty(poster, { title: 'Tagged secret', tags: ['vault'], teamId: team.id })

    const told = await Notification.query().where('type', 'bounty.published')
    assert.deepEqual(
      told.map((notification) => notification.userId),
      [teammate.id]
    )
  })

  test('a tip names it only for a recipient in its team; outsiders and former members are refused', async ({
    client,
    assert,
  }) => {
    const { bounty, teammate, former, outsider, poster } = await cast()
    const authorization = await bearerFor(poster)
    for (const stranger of [outsider, former]) {
      const refused = await client
        .post('/api/v1/tips')
        .header('authorization', authorization)
        .json({ toUserId: stranger.id, amount: '1.00', bountyId: bounty.id })
      refused.assertStatus(403)
      assert.lengthOf(await Transaction.query().where('user_id', stranger.id), 0)
      assert.lengthOf(
        await Notification.query().where('user_id', stranger.id).where('type', 'tip.received'),
        0
      )
    }
    const tipped = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: teammate.id, amount: '1.00', bountyId: bounty.id })
    tipped.assertStatus(201)
  })

  test('its title leaves the wallet history of a member who is no longer in its team', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const team = await teamOf([poster, worker])
    const bounty = await postBounty(poster, { title: 'Rotate the night keys', teamId: team.id })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    await ApproveWork.handle(poster, await Bounty.findOrFail(bounty.id), {})

    const inTeam = await get(client, worker, '/wallet/transactions')
    const line = inTeam.body().data.find((row: { bountyId: string }) => row.bountyId === bounty.id)
    assert.include(line.description, 'Rotate the night keys')

    await removeFromTeam(team.id, worker)
    const left = await get(client, worker, '/wallet/transactions')
    assert.notInclude(left.text(), 'Rotate the night keys')
    assert.notInclude(left.text(), bounty.id)
    const redacted = left
      .body()
      .data.find((row: { description: string }) => row.description === HIDDEN_BOUNTY_DESCRIPTION)
    assert.equal(redacted.amount, '100.00')
    const stored = await Transaction.query()
      .where('user_id', worker.id)
      .where('bounty_id', bounty.id)
    assert.lengthOf(stored, 1, 'the stored line is untouched')
    assert.include(stored[0].description, 'Rotate the night keys')
  })
})
