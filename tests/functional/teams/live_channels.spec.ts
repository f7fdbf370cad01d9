import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import transmit from '@adonisjs/transmit/services/main'
import LiveAccess from '#services/live_access'
import { broadcastTeamEvent, liveChannels } from '#services/broadcast'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { Credentials, EventStream } from '#tests/helpers/live'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'

/*
| teams/:id and teams/:id/presence are for the team's members only
| (docs/permissions.md "Live channels"), on subscribe and for as long as
| the subscription lasts.
*/

type Cleanup = (callback: () => void) => void

async function streamOf(credentials: Credentials, cleanup: Cleanup) {
  const stream = await EventStream.open(credentials)
  cleanup(() => stream.close())
  return stream
}

const checkIn = (teamId: string) => ({
  type: 'checkin.created',
  checkIn: { id: teamId, user: { id: teamId, username: 'someone' }, score: 18 },
})

test.group('Team live channels: who may subscribe', (group) => {
  isolateDatabase(group)

  test('a member subscribes with their session and receives the team’s events', async ({
    assert,
    cleanup,
  }) => {
    const [admin, teammate] = await Promise.all([member(), member()])
    const team = await teamOf([admin, teammate])
    const stream = await streamOf(await Credentials.sessionFor(teammate), cleanup)

    assert.equal(await stream.subscribe(liveChannels.team(team.id)), 204)
    assert.equal(await stream.subscribe(liveChannels.teamPresence(team.id)), 204)
    broadcastTeamEvent(team.id, checkIn(team.id))
    assert.deepEqual(await stream.next(liveChannels.team(team.id)), checkIn(team.id))
  })

  test('a member subscribes with a Bearer token on a stream opened without one', async ({
    assert,
    cleanup,
  }) => {
    const admin = await member()
    const team = await teamOf([admin])
    const stream = await streamOf(Credentials.anonymous(), cleanup)
    const token = await Credentials.bearerFor(admin)

    assert.equal(await stream.subscribe(liveChannels.team(team.id), token), 204)
    assert.equal(await stream.subscribe(liveChannels.teamPresence(team.id), token), 204)
    broadcastTeamEvent(team.id, { type: 'team.updated', team: { id: team.id, name: 'Renamed' } })
    const event = await stream.next(liveChannels.team(team.id))
    assert.equal(event.team.name, 'Renamed')
  })

  test('someone outside the team is refused both channels and receives nothing', async ({
    assert,
    cleanup,
  }) => {
    const [admin, outsider] = await Promise.all([member(), member()])
    const team = await teamOf([admin])
    const bySession = await streamOf(await Credentials.sessionFor(outsider), cleanup)
    const byToken = await streamOf(await Credentials.bearerFor(outsider), cleanup)
    const visitor = await streamOf(await Credentials.visitor(), cleanup)

    for (const stream of [bySession, byToken, visitor]) {
      assert.equal(await stream.subscribe(liveChannels.team(team.id)), 400)
      assert.equal(await stream.subscribe(liveChannels.teamPresence(team.id)), 400)
    }
    broadcastTeamEvent(team.id, checkIn(team.id))
    transmit.broadcast(liveChannels.teamPresence(team.id), { type: 'presence', online: [] })
    for (const stream of [bySession, byToken, visitor]) {
      assert.deepEqual(await stream.received(liveChannels.team(team.id), 100), [])
      assert.deepEqual(await stream.received(liveChannels.teamPresence(team.id), 0), [])
    }
  })

  test('a member of another team is refused this team’s channels', async ({ assert, cleanup }) => {
    const [admin, other] = await Promise.all([member(), member()])
    const team = await teamOf([admin])
    await teamOf([other], { name: 'Other team' })
    const stream = await streamOf(await Credentials.sessionFor(other), cleanup)

    assert.equal(await stream.subscribe(liveChannels.team(team.id)), 400)
    assert.equal(await stream.subscribe(liveChannels.teamPresence(team.id)), 400)
  })

  test('a team that does not exist has no channels to follow', async ({ assert, cleanup }) => {
    const stream = await streamOf(await Credentials.sessionFor(await member()), cleanup)
    const missing = '00000000-0000-4000-8000-0000000000ff'

    assert.equal(await stream.subscribe(liveChannels.team(missing)), 400)
    assert.equal(await stream.subscribe(`teams/${missing}/presence/extra`), 400)
    assert.equal(await stream.subscribe('teams/not-a-uuid'), 400)
  })
})

test.group('Team live channels: a member who leaves or is removed', (group) => {
  isolateDatabase(group)

  test('stops receiving both channels at once, while the rest of the team still does', async ({
    assert,
    cleanup,
  }) => {
    const [admin, leaver] = await Promise.all([member(), member()])
    const team = await teamOf([admin, leaver])
    const adminStream = await streamOf(await Credentials.sessionFor(admin), cleanup)
    const leaverBySession = await streamOf(await Credentials.sessionFor(leaver), cleanup)
    const leaverByToken = await streamOf(await Credentials.bearerFor(leaver), cleanup)
    const channels = [liveChannels.team(team.id), liveChannels.teamPresence(team.id)]
    for (const stream of [adminStream, leaverBySession, leaverByToken]) {
      for (const channel of channels) assert.equal(await stream.subscribe(channel), 204)
      await stream.next(channels[1])
    }
    assert.lengthOf(transmit.getSubscribersFor(channels[0]), 3)

    await removeFromTeam(team.id, leaver)
    LiveAccess.memberChanged(leaver.id)
    broadcastTeamEvent(team.id, { type: 'member.left', user: { id: leaver.id } })

    const left = await adminStream.next(channels[0])
    assert.equal(left.user.id, leaver.id)
    for (const stream of [leaverBySession, leaverByToken]) {
      for (const channel of channels) assert.deepEqual(await stream.received(channel, 0), [])
      assert.isFalse(await stream.ended(50), 'only the team’s channels close, not the stream')
    }
    assert.sameMembers(transmit.getSubscribersFor(channels[0]), [adminStream.uid])
    assert.sameMembers(transmit.getSubscribersFor(channels[1]), [adminStream.uid])
    const row = await db.from('team_memberships').where({ team_id: team.id, user_id: leaver.id })
    assert.lengthOf(row, 0)
  })

  test('cannot subscribe again afterwards', async ({ assert, cleanup }) => {
    const [admin, removed] = await Promise.all([member(), member()])
    const team = await teamOf([admin, removed])
    const stream = await streamOf(await Credentials.sessionFor(removed), cleanup)
    assert.equal(await stream.subscribe(liveChannels.team(team.id)), 204)

    await removeFromTeam(team.id, removed)
    LiveAccess.memberChanged(removed.id)

    assert.equal(await stream.subscribe(liveChannels.team(team.id)), 400)
    assert.equal(await stream.subscribe(liveChannels.teamPresence(team.id)), 400)
  })

  test('keeps their other channels', async ({ assert, cleanup }) => {
    const [admin, leaver] = await Promise.all([member(), member()])
    const team = await teamOf([admin, leaver])
    const stream = await streamOf(await Credentials.sessionFor(leaver), cleanup)
    await stream.subscribe(liveChannels.team(team.id))
    await stream.subscribe(liveChannels.notifications(leaver.id))

    await removeFromTeam(team.id, leaver)
    LiveAccess.memberChanged(leaver.id)
    transmit.broadcast(liveChannels.notifications(leaver.id), { type: 'still.here' })

    assert.deepEqual(await stream.next(liveChannels.notifications(leaver.id)), {
      type: 'still.here',
    })
    assert.notInclude(transmit.getSubscribersFor(liveChannels.team(team.id)), stream.uid)
  })
})
