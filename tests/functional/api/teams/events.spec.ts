import { test } from '@japa/runner'
import type User from '#models/user'
import { liveChannels } from '#services/broadcast'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { isolateDatabase } from '#tests/helpers/database'
import { Credentials, EventStream } from '#tests/helpers/live'
import { teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function following(channel: string, someone: User) {
  const stream = await EventStream.open(await Credentials.bearerFor(someone))
  const status = await stream.subscribe(channel)
  return { stream, status }
}

test.group('Teams API: live events on teams/:id', (group) => {
  isolateDatabase(group)

  test('members hear joins, settings and departures; outsiders and removed members hear nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    const [admin, joiner, outsider] = await Promise.all([member(), member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const channel = liveChannels.team(team.id)
    const watching = await following(channel, admin)
    const refused = await following(channel, outsider)
    cleanup(() => [watching, refused].forEach(({ stream }) => stream.close()))
    assert.equal(watching.status, 204)
    assert.equal(refused.status, 400)

    const joined = await client
      .post('/api/v1/teams/join')
      .header('authorization', await bearerFor(joiner))
      .json({ accessCode: team.accessCode })
    joined.assertStatus(200)
    const joinerWatching = await following(channel, joiner)
    cleanup(() => joinerWatching.stream.close())
    assert.equal(joinerWatching.status, 204)
    assert.deepEqual(
      await watching.stream.next(channel, (event) => event.type === 'member.joined'),
      {
        type: 'member.joined',
        user: { id: joiner.id, username: joiner.username },
      }
    )

    const auth = await bearerFor(admin)
    const updated = await client
      .put(`/api/v1/teams/${team.id}`)
      .header('authorization', auth)
      .json({ name: 'Renamed live' })
    updated.assertStatus(200)
    const event = await watching.stream.next(channel, (payload) => payload.type === 'team.updated')
    assert.equal(event.team.name, 'Renamed live')
    assert.equal(event.team.memberCount, 2)
    assert.notProperty(event.team, 'accessCode')
    assert.notProperty(event.team, 'role')

    const removed = await client
      .delete(`/api/v1/teams/${team.id}/members/${joiner.id}`)
      .header('authorization', auth)
    removed.assertStatus(200)
    assert.deepEqual(
      await watching.stream.next(channel, (payload) => payload.type === 'member.left'),
      {
        type: 'member.left',
        user: { id: joiner.id, username: joiner.username },
      }
    )
    assert.deepEqual(await refused.stream.received(channel, 50), [])

    await watching.stream.received(channel, 200)
    const later = await client
      .put(`/api/v1/teams/${team.id}`)
      .header('authorization', auth)
      .json({ name: 'After the removal' })
    later.assertStatus(200)
    await watching.stream.next(channel, (payload) => payload.team?.name === 'After the removal')
    const heardByRemoved = await joinerWatching.stream.received(channel, 200)
    assert.notInclude(
      heardByRemoved.map((payload) => payload.team?.name),
      'After the removal',
      'a removed member hears nothing more from the team'
    )
  })
})
