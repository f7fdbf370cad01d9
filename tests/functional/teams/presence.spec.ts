import { test } from '@japa/runner'
import type User from '#models/user'
import presence from '#services/presence'
import { broadcastTeamEvent, liveChannels } from '#services/broadcast'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { Credentials, EventStream } from '#tests/helpers/live'
import { addToTeam, teamOf } from '#tests/helpers/teams'

/*
| teams/:id/presence (D4): `{ type: "presence", online: [userId…] }`, the
| members of the team holding an open event stream, sent when one comes or
| goes, when the members change, and to each new subscriber.
*/

type Cleanup = (callback: () => void) => void

const sorted = (...users: User[]) => users.map((user) => user.id).sort()
const listing = (expected: string[]) => (payload: { online: string[] }) =>
  JSON.stringify(payload.online) === JSON.stringify(expected)

/**
 * A member's browser with the team's presence channel open.
 */
async function watching(user: User, teamId: string, cleanup: Cleanup) {
  const stream = await EventStream.open(await Credentials.sessionFor(user))
  cleanup(() => stream.close())
  const status = await stream.subscribe(liveChannels.teamPresence(teamId))
  if (status !== 204) throw new Error(`Could not follow the team’s presence (${status})`)
  return stream
}

/**
 * An admin and a teammate; the admin follows the team's presence and has
 * been told the list as it is (`initially`).
 */
async function adminWatching(cleanup: Cleanup, initially: (admin: User, mate: User) => User[]) {
  const [admin, teammate] = await Promise.all([member(), member()])
  const team = await teamOf([admin, teammate])
  const channel = liveChannels.teamPresence(team.id)
  const stream = await watching(admin, team.id, cleanup)
  await stream.next(channel, listing(sorted(...initially(admin, teammate))))
  return { admin, teammate, team, channel, stream }
}

async function online(user: User, cleanup: Cleanup) {
  const stream = await EventStream.open(await Credentials.sessionFor(user))
  cleanup(() => stream.close())
  return stream
}

test.group('Team presence', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    const linger = presence.lingerMs
    presence.lingerMs = 150
    return () => {
      presence.lingerMs = linger
    }
  })

  test('a new subscriber is told at once who is online, themselves included', async ({
    assert,
    cleanup,
  }) => {
    const [admin, teammate, absent] = await Promise.all([member(), member(), member()])
    const team = await teamOf([admin, teammate, absent])
    await online(teammate, cleanup)

    const stream = await watching(admin, team.id, cleanup)
    const first = await stream.next(liveChannels.teamPresence(team.id))

    assert.deepEqual(first, { type: 'presence', online: sorted(admin, teammate) })
  })

  test('a teammate opening a stream shows up online; closing it takes them off', async ({
    assert,
    cleanup,
  }) => {
    const { admin, teammate, channel, stream } = await adminWatching(cleanup, (a) => [a])

    const theirs = await online(teammate, cleanup)
    assert.deepEqual(await stream.next(channel, listing(sorted(admin, teammate))), {
      type: 'presence',
      online: sorted(admin, teammate),
    })

    theirs.close()
    await stream.next(channel, listing(sorted(admin)))
  })

  test('an API client is online once its token claims a stream it opened anonymously', async ({
    assert,
    cleanup,
  }) => {
    const watched = await adminWatching(cleanup, (a) => [a])
    const { admin, teammate: client, channel, stream } = watched

    const anonymous = await EventStream.open()
    cleanup(() => anonymous.close())
    assert.deepEqual(await stream.received(channel, 200), [], 'nobody is online yet')
    await anonymous.subscribe(
      liveChannels.notifications(client.id),
      await Credentials.bearerFor(client)
    )

    await stream.next(channel, listing(sorted(admin, client)))
  })

  test('moving to the next page (a stream closed and another opened) does not flicker', async ({
    assert,
    cleanup,
  }) => {
    const { teammate, channel, stream } = await adminWatching(cleanup, (a) => [a])
    const credentials = await Credentials.sessionFor(teammate)
    const firstPage = await EventStream.open(credentials)
    await stream.next(channel, (payload) => payload.online.includes(teammate.id))

    firstPage.close()
    const nextPage = await EventStream.open(credentials)
    cleanup(() => nextPage.close())

    assert.deepEqual(await stream.received(channel, presence.lingerMs + 200), [])
  })

  test('with two streams open, closing one keeps the member online', async ({
    assert,
    cleanup,
  }) => {
    const { teammate, channel, stream } = await adminWatching(cleanup, (a) => [a])
    const tab = await online(teammate, cleanup)
    await online(teammate, cleanup)
    await stream.next(channel, (payload) => payload.online.includes(teammate.id))

    tab.close()

    assert.deepEqual(await stream.received(channel, presence.lingerMs + 200), [])
  })

  test('someone who joins the team while online appears in its list', async ({ cleanup }) => {
    const [admin, joiner] = await Promise.all([member(), member()])
    const team = await teamOf([admin])
    const channel = liveChannels.teamPresence(team.id)
    await online(joiner, cleanup)
    const stream = await watching(admin, team.id, cleanup)
    await stream.next(channel, listing(sorted(admin)))

    await addToTeam(team.id, joiner)
    broadcastTeamEvent(team.id, { type: 'member.joined', user: { id: joiner.id } })

    await stream.next(channel, listing(sorted(admin, joiner)))
  })

  test('outsiders never see a team’s presence, nor appear in it', async ({ assert, cleanup }) => {
    const { admin, teammate, team, channel, stream } = await adminWatching(cleanup, (a) => [a])
    const outsider = await member()
    const outsiderStream = await online(outsider, cleanup)
    assert.equal(await outsiderStream.subscribe(channel), 400)
    assert.deepEqual(await stream.received(channel, 100), [], 'an outsider coming is no news')
    assert.deepEqual(await presence.onlineIn(team.id), sorted(admin))

    const theirs = await online(teammate, cleanup)
    await stream.next(channel, listing(sorted(admin, teammate)))
    theirs.close()
    await stream.next(channel, listing(sorted(admin)))

    assert.deepEqual(await outsiderStream.received(channel, 0), [])
  })
})
