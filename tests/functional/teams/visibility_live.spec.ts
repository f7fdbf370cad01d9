import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import { liveChannels } from '#services/broadcast'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { Credentials, EventStream } from '#tests/helpers/live'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'

/*
| Team-only bounties live (F2, D4): announced on the team's channel, never
| on `board`, and a member who leaves stops hearing about them at once,
| over real event streams.
*/

test.group('Team-only bounties live', (group) => {
  isolateDatabase(group)

  test('a new team bounty goes to its team’s channel, never to the board', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const [teammate, outsider] = [await member(), await member()]
    const team = await teamOf([poster, teammate])
    const teamChannel = liveChannels.team(team.id)
    const mate = await EventStream.open(await Credentials.sessionFor(teammate))
    const stranger = await EventStream.open(await Credentials.bearerFor(outsider))
    const visitor = await EventStream.open(await Credentials.visitor())
    cleanup(() => [mate, stranger, visitor].forEach((stream) => stream.close()))
    assert.equal(await mate.subscribe(teamChannel), 204)
    assert.equal(await mate.subscribe(liveChannels.board), 204)
    assert.notEqual(await stranger.subscribe(teamChannel), 204)
    assert.equal(await stranger.subscribe(liveChannels.board), 204)
    assert.equal(await visitor.subscribe(liveChannels.board), 204)

    await postBounty(poster, { title: 'Rotate the night keys', teamId: team.id })

    const published = await mate.next(teamChannel, (m) => m.type === 'bounty.published')
    assert.equal(published.bounty.title, 'Rotate the night keys')
    assert.equal(published.bounty.teamId, team.id)
    for (const stream of [mate, stranger, visitor]) {
      assert.deepEqual(await stream.received(liveChannels.board), [])
    }
    assert.deepEqual(await stranger.received(teamChannel), [])
  })

  test('leaving the team closes its bounties’ channels and the team’s channel at once', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const [teammate, leaver] = [await member(), await member()]
    const team = await teamOf([poster, teammate, leaver])
    const bounty = await postBounty(poster, { teamId: team.id })
    const bountyChannel = liveChannels.bounty(bounty.id)
    const teamChannel = liveChannels.team(team.id)
    const mate = await EventStream.open(await Credentials.bearerFor(teammate))
    const gone = await EventStream.open(await Credentials.sessionFor(leaver))
    cleanup(() => [mate, gone].forEach((stream) => stream.close()))
    for (const stream of [mate, gone]) {
      assert.equal(await stream.subscribe(bountyChannel), 204)
      assert.equal(await stream.subscribe(teamChannel), 204)
    }

    await removeFromTeam(team.id, leaver)
    await waitUntil(
      () =>
        !transmit.getSubscribersFor(bountyChannel).includes(gone.uid) &&
        !transmit.getSubscribersFor(teamChannel).includes(gone.uid)
    )
    transmit.broadcast(bountyChannel, { type: 'after.leaving' })
    transmit.broadcast(teamChannel, { type: 'after.leaving' })

    assert.deepEqual(await mate.next(bountyChannel), { type: 'after.leaving' })
    assert.deepEqual(await mate.next(teamChannel), { type: 'after.leaving' })
    assert.deepEqual(await gone.received(bountyChannel), [])
    assert.deepEqual(await gone.received(teamChannel), [])
    assert.notEqual(await gone.subscribe(bountyChannel), 204, 'subscribing again is refused')
    assert.isFalse(await gone.ended(50), 'only the channels close, not the stream')
  })

  test('a former member cannot follow a team bounty they posted', async ({ assert, cleanup }) => {
    const poster = await funded('500.00')
    const team = await teamOf([poster, await member()])
    const bounty = await postBounty(poster, { teamId: team.id })
    await removeFromTeam(team.id, poster)
    const stream = await EventStream.open(await Credentials.bearerFor(poster))
    cleanup(() => stream.close())
    assert.notEqual(await stream.subscribe(liveChannels.bounty(bounty.id)), 204)
  })
})

async function waitUntil(condition: () => boolean, timeout = 3000) {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The condition never held')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
