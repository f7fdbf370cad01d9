import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { TeamInvitationFactory } from '#database/factories/team_invitation_factory'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { isolateDatabase } from '#tests/helpers/database'
import {
  invitationRow,
  invitationStatus,
  memberCountOf,
  roleIn,
  teamWith,
} from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function invite(client: ApiClient, inviter: User, teamId: string, username: string) {
  return client
    .post(`/api/v1/teams/${teamId}/invitations`)
    .header('authorization', await bearerFor(inviter))
    .json({ username })
}

async function sentInvitation(client: ApiClient, inviter: User, teamId: string, username: string) {
  const response = await invite(client, inviter, teamId, username)
  response.assertStatus(201)
  return response
}

/**
 * A team whose admin invited someone fifteen days ago, never answered.
 */
async function lapsedInvitation() {
  const [admin, invitee] = await Promise.all([member(), member()])
  const team = await teamWith([[admin, 'ADMIN']])
  const lapsed = await TeamInvitationFactory.merge({
    teamId: team.id,
    inviteeId: invitee.id,
    inviterId: admin.id,
  })
    .apply('lapsed')
    .create()
  return { admin, invitee, team, lapsed }
}

test.group('Invitations API: inviting', (group) => {
  isolateDatabase(group)

  test('an admin invites by username in any case: a PENDING invitation for 14 days and a notification', async ({
    client,
    assert,
  }) => {
    const [admin, invitee] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    assert.isNull(await db.from('team_invitations').where('invitee_id', invitee.id).first())

    const response = await invite(client, admin, team.id, invitee.username.toUpperCase())

    response.assertStatus(201)
    assert.containSubset(response.body().data, {
      team: { id: team.id, name: team.name },
      invitee: { id: invitee.id, username: invitee.username },
      inviter: { id: admin.id, username: admin.username },
      status: 'PENDING',
    })
    const row = await invitationRow(response.body().data.id)
    assert.equal(row.status, 'PENDING')
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000
    assert.approximately(days, 14, 0.001)
    const notice = await db
      .from('notifications')
      .where({ user_id: invitee.id, type: 'team.invited' })
      .firstOrFail()
    assert.equal(notice.data.invitationId, row.id)
    assert.equal(notice.actor_id, admin.id)
  })

  test('an unknown username is a 422 on username; nothing is stored', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])

    const response = await invite(client, admin, team.id, 'nobody_by_that_name')

    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'username')
    assert.isNull(await db.from('team_invitations').where('team_id', team.id).first())
  })

  test('a deactivated or deleted member is refused with the reason; nothing is stored', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const [inactive, deleted] = await Promise.all([
      UserFactory.apply('verified').apply('inactive').create(),
      UserFactory.apply('verified').apply('deleted').create(),
    ])
    const team = await teamWith([[admin, 'ADMIN']])

    for (const someone of [inactive, deleted]) {
      const response = await invite(client, admin, team.id, someone.username)
      response.assertStatus(409)
      assert.equal(response.body().error.code, 'INVALID_TRANSITION')
      assert.match(response.body().error.message, /only active members can be invited/)
    }
    assert.isNull(await db.from('team_invitations').where('team_id', team.id).first())
  })

  test('inviting a member is ALREADY_MEMBER, inviting twice is ALREADY_INVITED', async ({
    client,
    assert,
  }) => {
    const [admin, inside, invitee] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [inside, 'MEMBER'],
    ])

    const already = await invite(client, admin, team.id, inside.username)
    already.assertStatus(409)
    assert.equal(already.body().error.code, 'ALREADY_MEMBER')

    await sentInvitation(client, admin, team.id, invitee.username)
    const twice = await invite(client, admin, team.id, invitee.username)
    twice.assertStatus(409)
    assert.equal(twice.body().error.code, 'ALREADY_INVITED')
    assert.lengthOf(await db.from('team_invitations').where('invitee_id', invitee.id), 1)
  })

  test('a lapsed invitation is closed as EXPIRED when the member is invited again', async ({
    client,
    assert,
  }) => {
    const { admin, invitee, team, lapsed } = await lapsedInvitation()

    const response = await invite(client, admin, team.id, invitee.username)

    response.assertStatus(201)
    const [closed, fresh] = await Promise.all([
      invitationRow(lapsed.id),
      invitationRow(response.body().data.id),
    ])
    assert.equal(closed.status, 'EXPIRED')
    assert.equal(fresh.status, 'PENDING')
  })
})

test.group('Invitations API: answering', (group) => {
  isolateDatabase(group)

  async function invited(options: { maxMembers?: number } = {}) {
    const [admin, invitee] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']], options)
    const invitation = await TeamInvitationFactory.merge({
      teamId: team.id,
      inviteeId: invitee.id,
      inviterId: admin.id,
    }).create()
    return { admin, invitee, team, invitation }
  }

  test('the invitee lists their open invitations, and nobody else’s', async ({
    client,
    assert,
  }) => {
    const { invitee, invitation, team } = await invited()
    const other = await invited()
    await TeamInvitationFactory.merge({
      teamId: other.team.id,
      inviteeId: invitee.id,
      inviterId: other.admin.id,
    })
      .apply('declined')
      .create()

    const response = await client
      .get('/api/v1/invitations')
      .header('authorization', await bearerFor(invitee))

    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((item: { id: string }) => item.id),
      [invitation.id]
    )
    assert.equal(response.body().data[0].team.name, team.name)
  })

  test('accepting joins the team as a MEMBER and closes the invitation as ACCEPTED', async ({
    client,
    assert,
  }) => {
    const { invitee, invitation, team } = await invited()
    assert.isNull(await roleIn(team, invitee))

    const response = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', await bearerFor(invitee))

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'ACCEPTED')
    assert.equal(await roleIn(team, invitee), 'MEMBER')
    assert.equal(await memberCountOf(team), 2)
    const row = await invitationRow(invitation.id)
    assert.equal(row.status, 'ACCEPTED')
    assert.isNotNull(row.responded_at)
  })

  test('joining by code answers the open invitation to that team: ACCEPTED, no longer listed', async ({
    client,
    assert,
  }) => {
    const { invitee, invitation, team } = await invited()

    const joined = await client
      .post('/api/v1/teams/join')
      .header('authorization', await bearerFor(invitee))
      .json({ accessCode: team.accessCode })

    joined.assertStatus(200)
    const row = await invitationRow(invitation.id)
    assert.equal(row.status, 'ACCEPTED')
    assert.isNotNull(row.responded_at)
    const listed = await client
      .get('/api/v1/invitations')
      .header('authorization', await bearerFor(invitee))
    assert.lengthOf(listed.body().data, 0)
  })

  test('accepting into a full team is TEAM_FULL and leaves the invitation open', async ({
    client,
    assert,
  }) => {
    const { invitee, invitation, team } = await invited({ maxMembers: 2 })
    const seated = await member()
    await client
      .post('/api/v1/teams/join')
      .header('authorization', await bearerFor(seated))
      .json({ accessCode: team.accessCode })

    const response = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', await bearerFor(invitee))

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'TEAM_FULL')
    assert.isNull(await roleIn(team, invitee))
    assert.equal(await invitationStatus(invitation.id), 'PENDING')
  })

  test('declining closes it as DECLINED without joining; it cannot be accepted afterwards', async ({
    client,
    assert,
  }) => {
    const { invitee, invitation, team } = await invited()
    const authorization = await bearerFor(invitee)

    const declined = await client
      .post(`/api/v1/invitations/${invitation.id}/decline`)
      .header('authorization', authorization)
    declined.assertStatus(200)
    assert.equal(await invitationStatus(invitation.id), 'DECLINED')

    const late = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', authorization)
    late.assertStatus(409)
    assert.equal(late.body().error.code, 'INVALID_TRANSITION')
    assert.isNull(await roleIn(team, invitee))
  })

  test('an expired invitation cannot be accepted and is no longer listed', async ({
    client,
    assert,
  }) => {
    const { invitee, team, lapsed } = await lapsedInvitation()
    const authorization = await bearerFor(invitee)

    const response = await client
      .post(`/api/v1/invitations/${lapsed.id}/accept`)
      .header('authorization', authorization)

    response.assertStatus(409)
    assert.match(response.body().error.message, /expired/)
    assert.isNull(await roleIn(team, invitee))
    const list = await client.get('/api/v1/invitations').header('authorization', authorization)
    assert.lengthOf(list.body().data, 0)
  })

  test('the inviter withdraws an open invitation: WITHDRAWN, and the invitee can no longer accept', async ({
    client,
    assert,
  }) => {
    const { admin, invitee, invitation, team } = await invited()

    const response = await client
      .delete(`/api/v1/teams/${team.id}/invitations/${invitation.id}`)
      .header('authorization', await bearerFor(admin))

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'WITHDRAWN')
    assert.equal(await invitationStatus(invitation.id), 'WITHDRAWN')
    const late = await client
      .post(`/api/v1/invitations/${invitation.id}/accept`)
      .header('authorization', await bearerFor(invitee))
    late.assertStatus(409)
  })

  test('a team’s pending list: admins see every invitation, other inviters those they sent', async ({
    client,
    assert,
  }) => {
    const [admin, moderator, first, second] = await Promise.all([
      member(),
      member(),
      member(),
      member(),
    ])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [moderator, 'MODERATOR'],
    ])
    await sentInvitation(client, admin, team.id, first.username)
    await sentInvitation(client, moderator, team.id, second.username)

    const asAdmin = await client
      .get(`/api/v1/teams/${team.id}/invitations`)
      .header('authorization', await bearerFor(admin))
    const asModerator = await client
      .get(`/api/v1/teams/${team.id}/invitations`)
      .header('authorization', await bearerFor(moderator))

    const invitees = (response: typeof asAdmin) =>
      response
        .body()
        .data.map((item: { invitee: { id: string } }) => item.invitee.id)
        .sort()
    assert.deepEqual(invitees(asAdmin), [first.id, second.id].sort())
    assert.deepEqual(invitees(asModerator), [second.id])
  })
})
