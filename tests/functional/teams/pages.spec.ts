import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { fieldErrors, htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'
import { memberCountOf, roleIn, teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'

test.group('Team pages', (group) => {
  isolateDatabase(group)

  test('my teams shows an empty state with both ways in', async ({ client, assert }) => {
    const user = await member()
    const html = await htmlOf(client, urlFor('teams.index'), user)
    assert.include(html, 'You are not in a team yet')
    assert.include(html, urlFor('teams.create'))
    assert.include(html, urlFor('team_memberships.create'))
  })

  test('the create form makes a team with me as admin', async ({ client, assert }) => {
    const user = await member()
    const response = await submit(client, user, 'post', urlFor('teams.store'), {
      form: {
        name: 'Sound Breathing',
        description: 'Loud',
        maxMembers: '8',
        timezone: 'Europe/Paris',
        isPrivate: 'true',
      },
    })
    response.assertStatus(302)
    const team = await db.from('teams').where('name', 'Sound Breathing').firstOrFail()
    assert.equal(response.header('location'), urlFor('teams.show', { id: team.id }))
    assert.equal(team.max_members, 8)
    assert.equal(await roleIn({ id: team.id }, user), 'ADMIN')
  })

  test('bad input goes back to the form with the errors and saves nothing', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const response = await submit(client, user, 'post', urlFor('teams.store'), {
      from: urlFor('teams.create'),
      form: { name: '', maxMembers: '1', timezone: 'Nowhere/Else' },
    })
    response.assertStatus(302)
    assert.equal(response.header('location'), urlFor('teams.create'))
    assert.containsSubset(Object.keys(fieldErrors(response)), ['name', 'maxMembers', 'timezone'])
    assert.equal(await countRows('teams'), 0)
  })

  test('the team page lists members with presence dots, and the code for moderators', async ({
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

    const asModerator = await htmlOf(client, url, moderator)
    assert.include(asModerator, `data-presence-user-id="${plain.id}"`)
    assert.include(asModerator, `data-presence-user-id="${admin.id}"`)
    assert.include(asModerator, team.accessCode)
    assert.include(asModerator, 'id="team-checkins"')
    assert.include(asModerator, `teamId=${team.id}`)

    const asMember = await htmlOf(client, url, plain)
    assert.notInclude(asMember, team.accessCode)
    assert.notInclude(asMember, 'Team settings')
  })

  test('an outsider gets 404 for the team’s pages', async ({ client, assert }) => {
    const [admin, outsider] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    assert.equal(await statusOf(client, urlFor('teams.show', { id: team.id }), outsider), 404)
    assert.equal(await statusOf(client, urlFor('teams.edit', { id: team.id }), outsider), 404)
  })

  test('settings are for admins: a member gets 403', async ({ client, assert }) => {
    const [admin, plain] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [plain, 'MEMBER'],
    ])
    assert.equal(await statusOf(client, urlFor('teams.edit', { id: team.id }), admin), 200)
    assert.equal(await statusOf(client, urlFor('teams.edit', { id: team.id }), plain), 403)
  })

  test('an admin saves settings and replaces the code', async ({ client, assert }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])
    const saved = await submit(client, admin, 'put', urlFor('teams.update', { id: team.id }), {
      form: { name: 'Renamed team', maxMembers: '12', timezone: 'UTC' },
    })
    saved.assertStatus(302)
    const row = await db.from('teams').where('id', team.id).first()
    assert.equal(row.name, 'Renamed team')
    assert.isFalse(row.is_private)

    const replaced = await submit(
      client,
      admin,
      'post',
      urlFor('team_access_codes.store', { id: team.id })
    )
    replaced.assertStatus(302)
    const after = await db.from('teams').where('id', team.id).first()
    assert.notEqual(after.access_code, team.accessCode)
  })

  test('a shared join link asks a signed-in member to confirm the code', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const html = await htmlOf(
      client,
      urlFor('team_memberships.create', {}, { qs: { code: 'ABCD2345' } }),
      user
    )
    assert.include(html, 'value="ABCD2345"')
    assert.include(html, 'Join that team?')
  })

  test('a guest following a join link is sent to log in first', async ({ client, assert }) => {
    const response = await client
      .get(urlFor('team_memberships.create', {}, { qs: { code: 'ABCD2345' } }))
      .redirects(0)
    response.assertStatus(302)
    assert.include(response.header('location'), '/login')
  })

  test('joining by code from the form, and a full team is explained on the form', async ({
    client,
    assert,
  }) => {
    const [admin, joiner, late] = await Promise.all([member(), member(), member()])
    const team = await teamWith([[admin, 'ADMIN']], { maxMembers: 2 })
    const joined = await submit(client, joiner, 'post', urlFor('team_memberships.store'), {
      form: { accessCode: team.accessCode.toLowerCase() },
    })
    joined.assertStatus(302)
    assert.equal(joined.header('location'), urlFor('teams.show', { id: team.id }))
    assert.equal(await memberCountOf(team), 2)

    const full = await submit(client, late, 'post', urlFor('team_memberships.store'), {
      from: urlFor('team_memberships.create'),
      form: { accessCode: team.accessCode },
    })
    full.assertStatus(302)
    assert.match(fieldErrors(full).accessCode[0], /full/)
    assert.isNull(await roleIn(team, late))
  })

  test('leaving, removing and changing roles from the team page', async ({ client, assert }) => {
    const [admin, leaver, removed, promoted] = await Promise.all([
      member(),
      member(),
      member(),
      member(),
    ])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [leaver, 'MEMBER'],
      [removed, 'MEMBER'],
      [promoted, 'MEMBER'],
    ])
    const left = await submit(
      client,
      leaver,
      'delete',
      urlFor('team_memberships.destroy', { id: team.id })
    )
    left.assertStatus(302)
    assert.isNull(await roleIn(team, leaver))

    const gone = await submit(
      client,
      admin,
      'delete',
      urlFor('team_members.destroy', { id: team.id, userId: removed.id })
    )
    gone.assertStatus(302)
    assert.isNull(await roleIn(team, removed))

    const role = await submit(
      client,
      admin,
      'put',
      urlFor('team_members.update', { id: team.id, userId: promoted.id }),
      { form: { role: 'MODERATOR' } }
    )
    role.assertStatus(302)
    assert.equal(await roleIn(team, promoted), 'MODERATOR')
    assert.equal(await memberCountOf(team), 2)
  })

  test('the last admin leaving is sent back with the reason', async ({ client, assert }) => {
    const [admin, other] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [other, 'MEMBER'],
    ])
    const response = await submit(
      client,
      admin,
      'delete',
      urlFor('team_memberships.destroy', { id: team.id }),
      { from: urlFor('teams.show', { id: team.id }) }
    )
    response.assertStatus(302)
    assert.equal(response.header('location'), urlFor('teams.show', { id: team.id }))
    assert.equal(await roleIn(team, admin), 'ADMIN')
  })

  test('deleting a team from its settings', async ({ client, assert }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])
    const response = await submit(client, admin, 'delete', urlFor('teams.destroy', { id: team.id }))
    response.assertStatus(302)
    assert.equal(response.header('location'), urlFor('teams.index'))
    assert.equal(await countRows('teams', { id: team.id }), 0)
  })
})
