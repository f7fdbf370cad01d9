import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { TeamInvitationFactory } from '#database/factories/team_invitation_factory'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { fieldErrors, htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'
import { allowsMemberInvite, invitationStatus, roleIn, teamWith } from '#tests/helpers/teams'

test.group('Team invitation pages', (group) => {
  isolateDatabase(group)

  test('the team page offers the invite form to moderators, and to members only when allowed', async ({
    client,
    assert,
  }) => {
    const [admin, moderator, plain] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [moderator, 'MODERATOR'],
      [plain, 'MEMBER'],
    ])
    const url = urlFor('teams.show', { id: team.id })
    assert.include(await htmlOf(client, url, moderator), 'Invite by username')
    assert.notInclude(await htmlOf(client, url, plain), 'Invite by username')

    team.allowMemberInvite = true
    await team.save()
    assert.include(await htmlOf(client, url, plain), 'Invite by username')
  })

  test('the settings form turns member invites on', async ({ client, assert }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])
    assert.isFalse(await allowsMemberInvite(team))

    const response = await submit(client, admin, 'put', urlFor('teams.update', { id: team.id }), {
      form: {
        name: team.name,
        maxMembers: String(team.maxMembers),
        timezone: team.timezone,
        allowMemberInvite: 'true',
      },
    })

    response.assertStatus(302)
    assert.isTrue(await allowsMemberInvite(team))
  })

  test('inviting from the team page: an unknown name is a field error, a known one is invited', async ({
    client,
    assert,
  }) => {
    const [admin, invitee] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const from = urlFor('teams.show', { id: team.id })
    const url = urlFor('team_invitations.store', { id: team.id })

    const unknown = await submit(client, admin, 'post', url, {
      from,
      form: { username: 'nobody_here' },
    })
    unknown.assertStatus(302)
    assert.deepEqual(fieldErrors(unknown).username, ['No member goes by that username'])

    const sent = await submit(client, admin, 'post', url, {
      from,
      form: { username: invitee.username },
    })
    sent.assertStatus(302)
    assert.equal(sent.header('location'), from)
    const row = await db.from('team_invitations').where('invitee_id', invitee.id).firstOrFail()
    assert.equal(row.status, 'PENDING')
  })

  test('inviting a deactivated member goes back with the reason under the field', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const inactive = await UserFactory.apply('verified').apply('inactive').create()
    const team = await teamWith([[admin, 'ADMIN']])

    const response = await submit(
      client,
      admin,
      'post',
      urlFor('team_invitations.store', { id: team.id }),
      {
        from: urlFor('teams.show', { id: team.id }),
        form: { username: inactive.username },
      }
    )

    response.assertStatus(302)
    assert.match(fieldErrors(response).username[0], /only active members can be invited/)
    assert.isNull(await db.from('team_invitations').where('invitee_id', inactive.id).first())
  })

  test('my invitations lists open ones; accepting joins the team', async ({ client, assert }) => {
    const [admin, invitee] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']], { name: 'Flame Hashira' })
    const invitation = await TeamInvitationFactory.merge({
      teamId: team.id,
      inviteeId: invitee.id,
      inviterId: admin.id,
    }).create()

    assert.include(await htmlOf(client, urlFor('invitations.index'), invitee), 'Flame Hashira')

    const response = await submit(
      client,
      invitee,
      'post',
      urlFor('invitation_acceptances.store', { id: invitation.id })
    )
    response.assertStatus(302)
    assert.equal(response.header('location'), urlFor('teams.show', { id: team.id }))
    assert.equal(await roleIn(team, invitee), 'MEMBER')
    assert.include(
      await htmlOf(client, urlFor('invitations.index'), invitee),
      'No invitations waiting'
    )
  })

  test('my invitations names FRIENDS_ONLY inviters in the same queries however many there are', async ({
    client,
    assert,
  }) => {
    const invitee = await member()
    const inviters: Awaited<ReturnType<typeof member>>[] = []

    async function inviteAndCount() {
      const inviter = await UserFactory.apply('verified')
        .merge({ firstName: 'Kyojuro', lastName: `Rengoku ${inviters.length}` })
        .create()
      await db
        .from('user_settings')
        .where('user_id', inviter.id)
        .update({ profile_visibility: 'FRIENDS_ONLY' })
      await teamWith([
        [inviter, 'ADMIN'],
        [invitee, 'MEMBER'],
      ])
      const team = await teamWith([[inviter, 'ADMIN']])
      await TeamInvitationFactory.merge({
        teamId: team.id,
        inviteeId: invitee.id,
        inviterId: inviter.id,
      }).create()
      inviters.push(inviter)

      let count = 0
      const knex = db.connection().getWriteClient()
      const listener = () => count++
      knex.on('query', listener)
      const html = await htmlOf(client, urlFor('invitations.index'), invitee)
      knex.off('query', listener)
      for (const shown of inviters) assert.include(html, `Kyojuro ${shown.lastName}`)
      return count
    }

    const one = await inviteAndCount()
    await inviteAndCount()
    await inviteAndCount()
    assert.equal(await inviteAndCount(), one)
  })

  test('the notification offers Accept and Decline while the invitation is open', async ({
    client,
    assert,
  }) => {
    const [admin, invitee] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const sent = await submit(
      client,
      admin,
      'post',
      urlFor('team_invitations.store', { id: team.id }),
      {
        form: { username: invitee.username },
      }
    )
    sent.assertStatus(302)
    const row = await db.from('team_invitations').where('invitee_id', invitee.id).firstOrFail()
    const accept = urlFor('invitation_acceptances.store', { id: row.id })

    assert.include(await htmlOf(client, urlFor('notifications.index'), invitee), accept)

    const declined = await submit(
      client,
      invitee,
      'post',
      urlFor('invitation_declines.store', { id: row.id })
    )
    declined.assertStatus(302)
    assert.equal(await invitationStatus(row.id), 'DECLINED')
    assert.notInclude(await htmlOf(client, urlFor('notifications.index'), invitee), accept)
  })

  test('the pending list: admins withdraw; a member who may not invite is refused (403), an outsider gets 404', async ({
    client,
    assert,
  }) => {
    const [admin, plain, outsider, invitee] = await Promise.all([
      member(),
      member(),
      member(),
      member(),
    ])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [plain, 'MEMBER'],
    ])
    const invitation = await TeamInvitationFactory.merge({
      teamId: team.id,
      inviteeId: invitee.id,
      inviterId: admin.id,
    }).create()
    const url = urlFor('team_invitations.index', { id: team.id })

    assert.include(await htmlOf(client, url, admin), invitee.username)
    assert.equal(await statusOf(client, url, plain), 403)
    assert.equal(await statusOf(client, url, outsider), 404)

    const destroy = urlFor('team_invitations.destroy', { id: team.id, invitationId: invitation.id })
    const refused = await submit(client, plain, 'delete', destroy)
    refused.assertStatus(302)
    assert.match(
      String(refused.flashMessage('error')),
      /Only the member who sent an invitation, or a team admin/
    )
    assert.equal(await invitationStatus(invitation.id), 'PENDING')

    const withdrawn = await submit(client, admin, 'delete', destroy)
    withdrawn.assertStatus(302)
    assert.equal(await invitationStatus(invitation.id), 'WITHDRAWN')
  })

  test('both invitation lists come 20 to a page; a bad page number shows the first', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const invitees = await UserFactory.apply('verified').createMany(21)
    const team = await teamWith([[admin, 'ADMIN']])
    await TeamInvitationFactory.merge(
      invitees.map((invitee) => ({ teamId: team.id, inviteeId: invitee.id, inviterId: admin.id }))
    ).createMany(21)
    const teamList = urlFor('team_invitations.index', { id: team.id })
    const shown = (html: string) => invitees.filter((invitee) => html.includes(invitee.username))

    const first = await htmlOf(client, teamList, admin)
    assert.include(first, 'Waiting for an answer <span class="muted small">(21)</span>')
    assert.lengthOf(shown(first), 20)
    assert.include(first, 'aria-label="Invitation pages"')
    const second = await htmlOf(client, `${teamList}?page=2`, admin)
    assert.lengthOf(shown(second), 1)
    assert.lengthOf(shown(await htmlOf(client, `${teamList}?page=zero`, admin)), 20)

    const invitee = invitees[0]
    const teams = await Promise.all(
      Array.from({ length: 21 }, (_, index) =>
        teamWith([[admin, 'ADMIN']], { name: `Pillar ${String(index).padStart(2, '0')}` })
      )
    )
    await TeamInvitationFactory.merge(
      teams.map((other) => ({ teamId: other.id, inviteeId: invitee.id, inviterId: admin.id }))
    ).createMany(21)
    const mine = urlFor('invitations.index')
    // 22 in all: the 21 teams' (newest first), then the first one.
    const pillars = (html: string) => new Set(html.match(/Pillar \d\d/g))
    assert.equal(pillars(await htmlOf(client, mine, invitee)).size, 20)
    const last = await htmlOf(client, `${mine}?page=2`, invitee)
    assert.equal(pillars(last).size, 1)
    assert.include(last, team.name)
  })

  test('the username suggestions find active members and leave deactivated ones out', async ({
    client,
    assert,
  }) => {
    const viewer = await member()
    const [active, inactive] = await Promise.all([
      UserFactory.apply('verified').merge({ username: 'suggest_me' }).create(),
      UserFactory.apply('verified').apply('inactive').merge({ username: 'suggest_not' }).create(),
    ])
    const response = await client
      .get(urlFor('user_searches.index', {}, { qs: { q: 'suggest_' } }))
      .header('accept', 'application/json')
      .loginAs(viewer)

    response.assertStatus(200)
    const names = response.body().data.map((found: { username: string }) => found.username)
    assert.include(names, active.username)
    assert.notInclude(names, inactive.username)
  })
})
