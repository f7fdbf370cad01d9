import { test } from '@japa/runner'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { memberCountOf, roleIn, teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

async function as(user: User) {
  return { authorization: await bearerFor(user) }
}

test.group('Teams API: joining, leaving, removing, roles', (group) => {
  isolateDatabase(group)

  test('a code joins in any letter case and with spaces around it', async ({ client, assert }) => {
    const [admin, joiner] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const response = await client
      .post('/api/v1/teams/join')
      .headers(await as(joiner))
      .json({ accessCode: ` ${team.accessCode.toLowerCase()} ` })
    response.assertStatus(200)
    assert.include(response.body().data.team, { id: team.id, role: 'MEMBER', memberCount: 2 })
    assert.isNull(response.body().data.team.accessCode)
    assert.equal(await roleIn(team, joiner), 'MEMBER')
  })

  test('joining twice is ALREADY_MEMBER and changes nothing', async ({ client, assert }) => {
    const [admin, joiner] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [joiner, 'MEMBER'],
    ])
    const response = await client
      .post('/api/v1/teams/join')
      .headers(await as(joiner))
      .json({ accessCode: team.accessCode })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'ALREADY_MEMBER')
    assert.equal(await memberCountOf(team), 2)
  })

  test('a full team is TEAM_FULL', async ({ client, assert }) => {
    const [admin, first, late] = await Promise.all([member(), member(), member()])
    const team = await teamWith(
      [
        [admin, 'ADMIN'],
        [first, 'MEMBER'],
      ],
      { maxMembers: 2 }
    )
    const response = await client
      .post('/api/v1/teams/join')
      .headers(await as(late))
      .json({ accessCode: team.accessCode })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'TEAM_FULL')
    assert.isNull(await roleIn(team, late))
    assert.equal(await memberCountOf(team), 2)
  })

  test('an unknown code is 404 NOT_FOUND', async ({ client, assert }) => {
    const joiner = await member()
    const response = await client
      .post('/api/v1/teams/join')
      .headers(await as(joiner))
      .json({ accessCode: 'ZZZZ2222' })
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'NOT_FOUND')
  })

  test('a member leaves: the membership and a seat go', async ({ client, assert }) => {
    const [admin, leaver] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [leaver, 'MEMBER'],
    ])
    const response = await client.post(`/api/v1/teams/${team.id}/leave`).headers(await as(leaver))
    response.assertStatus(200)
    assert.isNull(await roleIn(team, leaver))
    assert.equal(await memberCountOf(team), 1)
    const after = await client.get(`/api/v1/teams/${team.id}`).headers(await as(leaver))
    after.assertStatus(404)
  })

  test('the last admin cannot leave while others remain', async ({ client, assert }) => {
    const [admin, other] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [other, 'MODERATOR'],
    ])
    const response = await client.post(`/api/v1/teams/${team.id}/leave`).headers(await as(admin))
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    assert.match(response.body().error.message, /last admin/)
    assert.equal(await roleIn(team, admin), 'ADMIN')
    assert.equal(await memberCountOf(team), 2)
  })

  test('an admin may leave when another admin remains', async ({ client, assert }) => {
    const [admin, second] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [second, 'ADMIN'],
    ])
    const response = await client.post(`/api/v1/teams/${team.id}/leave`).headers(await as(admin))
    response.assertStatus(200)
    assert.equal(await memberCountOf(team), 1)
  })

  test('a sole member is told to delete the team instead of leaving', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const team = await teamWith([[admin, 'ADMIN']])
    const response = await client.post(`/api/v1/teams/${team.id}/leave`).headers(await as(admin))
    response.assertStatus(409)
    assert.match(response.body().error.message, /delete the team/)
    assert.equal(await memberCountOf(team), 1)
  })

  test('an admin removes a member; the member loses the team at once', async ({
    client,
    assert,
  }) => {
    const [admin, target] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [target, 'MEMBER'],
    ])
    const response = await client
      .delete(`/api/v1/teams/${team.id}/members/${target.id}`)
      .headers(await as(admin))
    response.assertStatus(200)
    assert.isNull(await roleIn(team, target))
    assert.equal(await memberCountOf(team), 1)
    const after = await client.get(`/api/v1/teams/${team.id}`).headers(await as(target))
    after.assertStatus(404)
  })

  test('a moderator removes a member but never an admin', async ({ client, assert }) => {
    const [admin, moderator, target] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [moderator, 'MODERATOR'],
      [target, 'MEMBER'],
    ])
    const auth = await as(moderator)
    const refused = await client
      .delete(`/api/v1/teams/${team.id}/members/${admin.id}`)
      .headers(auth)
    refused.assertStatus(403)
    assert.match(refused.body().error.message, /moderator cannot remove an admin/)
    assert.equal(await roleIn(team, admin), 'ADMIN')

    const removed = await client
      .delete(`/api/v1/teams/${team.id}/members/${target.id}`)
      .headers(auth)
    removed.assertStatus(200)
    assert.equal(await memberCountOf(team), 2)
  })

  test('removing someone who is not in the team is 404', async ({ client }) => {
    const [admin, outsider] = await Promise.all([member(), member()])
    const team = await teamWith([[admin, 'ADMIN']])
    const response = await client
      .delete(`/api/v1/teams/${team.id}/members/${outsider.id}`)
      .headers(await as(admin))
    response.assertStatus(404)
  })

  test('an admin changes a member’s role', async ({ client, assert }) => {
    const [admin, target] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [target, 'MEMBER'],
    ])
    const response = await client
      .put(`/api/v1/teams/${team.id}/members/${target.id}`)
      .headers(await as(admin))
      .json({ role: 'MODERATOR' })
    response.assertStatus(200)
    assert.deepEqual(response.body().data.user, { id: target.id, username: target.username })
    assert.equal(response.body().data.role, 'MODERATOR')
    assert.equal(await roleIn(team, target), 'MODERATOR')
  })

  test('the last admin cannot be demoted, even by themselves', async ({ client, assert }) => {
    const [admin, other] = await Promise.all([member(), member()])
    const team = await teamWith([
      [admin, 'ADMIN'],
      [other, 'MEMBER'],
    ])
    const response = await client
      .put(`/api/v1/teams/${team.id}/members/${admin.id}`)
      .headers(await as(admin))
      .json({ role: 'MEMBER' })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    assert.equal(await roleIn(team, admin), 'ADMIN')
  })

  test('the member list shows roles, admins first', async ({ client, assert }) => {
    const [admin, moderator, plain] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [plain, 'MEMBER'],
      [moderator, 'MODERATOR'],
      [admin, 'ADMIN'],
    ])
    const response = await client.get(`/api/v1/teams/${team.id}/members`).headers(await as(plain))
    response.assertStatus(200)
    assert.deepEqual(
      response
        .body()
        .data.map((item: { user: { id: string }; role: string }) => [item.user.id, item.role]),
      [
        [admin.id, 'ADMIN'],
        [moderator.id, 'MODERATOR'],
        [plain.id, 'MEMBER'],
      ]
    )
    assert.equal(response.body().meta.pagination.total, 3)
  })
})
