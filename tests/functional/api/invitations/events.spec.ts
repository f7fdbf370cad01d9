import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { liveChannels } from '#services/broadcast'
import { TeamInvitationFactory } from '#database/factories/team_invitation_factory'
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

test.group('Invitations API: live', (group) => {
  isolateDatabase(group)

  test('accepting announces member.joined to the team; outsiders cannot listen', async ({
    client,
    assert,
    cleanup,
  }) => {
    const [admin, invitee, outsider] = await Promise.all([member(), member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const invitation = await TeamInvitationFactory.merge({
      teamId: team.id,
      inviteeId: invitee.id,
      inviterId: admin.id,
    }).create()
    const channel = liveChannels.team(team.id)
    const watching = await following(channel, admin)
    const refused = await following(channel, outsider)
    cleanup(() => [watching, refused].forEach(({ stream }) => stream.close()))
    assert.equal(watching.status, 204)
    assert.equal(refused.status, 400)

    const accepted = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', await bearerFor(invitee))
    accepted.assertStatus(200)

    assert.deepEqual(
      await watching.stream.next(channel, (event) => event.type === 'member.joined'),
      { type: 'member.joined', user: { id: invitee.id, username: invitee.username } }
    )
  })

  test('the invitee is told live on their own channel, and only they are', async ({
    client,
    assert,
    cleanup,
  }) => {
    const [admin, invitee, bystander] = await Promise.all([member(), member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const mine = await following(liveChannels.notifications(invitee.id), invitee)
    const theirs = await following(liveChannels.notifications(invitee.id), bystander)
    cleanup(() => [mine, theirs].forEach(({ stream }) => stream.close()))
    assert.equal(mine.status, 204)
    assert.equal(theirs.status, 400)

    const response = await client
      .post(`/api/v1/teams/${team.id}/invitations`)
      .header('authorization', await bearerFor(admin))
      .json({ username: invitee.username })
    response.assertStatus(201)

    const event = await mine.stream.next(
      liveChannels.notifications(invitee.id),
      (payload) => payload.type === 'notification'
    )
    assert.equal(event.notification.type, 'team.invited')
    assert.equal(event.notification.data.invitationId, response.body().data.id)
    assert.isNotNull(
      await db.from('notifications').where({ user_id: invitee.id, type: 'team.invited' }).first()
    )
  })
})
