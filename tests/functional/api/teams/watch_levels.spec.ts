import { test } from '@japa/runner'
import TeamMembership from '#models/team_membership'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

test.group('API: GET/PUT /teams/:id/watch-level', (group) => {
  isolateDatabase(group)

  test('a member reads and sets their level on the team’s new bounties', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamOf([user])
    const authorization = await bearerFor(user)
    const read = await client
      .get(`/api/v1/teams/${team.id}/watch-level`)
      .header('authorization', authorization)
    read.assertStatus(200)
    assert.deepEqual(read.body().data, { subject: 'team', id: team.id, level: 'normal' })

    const set = await client
      .put(`/api/v1/teams/${team.id}/watch-level`)
      .header('authorization', authorization)
      .json({ level: 'watching' })
    set.assertStatus(200)
    assert.deepEqual(set.body().data, { subject: 'team', id: team.id, level: 'watching' })
    const membership = await TeamMembership.ofOrFail(team.id, user.id)
    assert.equal(membership.watchLevel, 'watching')
  })

  test('an outsider or a former member gets a 404 and nothing is stored', async ({
    client,
    assert,
  }) => {
    const [admin, former] = [await member(), await member()]
    const team = await teamOf([admin, former])
    await removeFromTeam(team.id, former)
    for (const stranger of [await member(), former]) {
      const authorization = await bearerFor(stranger)
      const read = await client
        .get(`/api/v1/teams/${team.id}/watch-level`)
        .header('authorization', authorization)
      read.assertStatus(404)
      const set = await client
        .put(`/api/v1/teams/${team.id}/watch-level`)
        .header('authorization', authorization)
        .json({ level: 'muted' })
      set.assertStatus(404)
      assert.lengthOf(await TeamMembership.query().where('user_id', stranger.id), 0)
    }
  })

  test('an unknown level is a 422 naming the field', async ({ client, assert }) => {
    const user = await member()
    const team = await teamOf([user])
    const response = await client
      .put(`/api/v1/teams/${team.id}/watch-level`)
      .header('authorization', await bearerFor(user))
      .json({ level: 'loud' })
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'level')
    const membership = await TeamMembership.ofOrFail(team.id, user.id)
    assert.isNull(membership.watchLevel)
  })
})
