import { test } from '@japa/runner'
import '#tests/helpers/openapi'
import AuditLog from '#models/audit_log'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { bearerFor } from '#tests/functional/api/support'

async function isActiveNow(user: User) {
  const fresh = await User.findOrFail(user.id)
  return fresh.isActive
}

async function roleOf(user: User) {
  const fresh = await User.findOrFail(user.id)
  return fresh.role
}

test.group('Admin members (API)', (group) => {
  isolateDatabase(group)

  let admin: User
  let authorization: string
  group.each.setup(async () => {
    admin = await UserFactory.apply('admin').create()
    authorization = await bearerFor(admin)
  })

  test('GET /admin/users searches and filters, paginated, without secrets', async ({
    client,
    assert,
  }) => {
    const pillar = await UserFactory.apply('pillar').merge({ firstName: 'Kyojuro' }).create()
    await UserFactory.apply('inactive').create()

    const byName = await client
      .get('/api/v1/admin/users')
      .qs({ q: 'kyoj' })
      .header('authorization', authorization)
    const inactive = await client
      .get('/api/v1/admin/users')
      .qs({ active: false, limit: 1 })
      .header('authorization', authorization)
    const pillars = await client
      .get('/api/v1/admin/users')
      .qs({ role: 'HASHIRA' })
      .header('authorization', authorization)

    byName.assertStatus(200)
    assert.deepEqual(
      byName.body().data.map((user: { id: string }) => user.id),
      [pillar.id]
    )
    assert.include(byName.body().data[0], { role: 'HASHIRA', active: true, emailVerified: true })
    assert.notProperty(byName.body().data[0], 'password')
    assert.equal(inactive.body().meta.pagination.total, 1)
    assert.isFalse(inactive.body().data[0].active)
    assert.equal(pillars.body().meta.pagination.total, 1)
  })

  test('GET /admin/users refuses unknown filter values with 422', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/admin/users')
      .qs({ role: 'EMPEROR', sort: 'age' })
      .header('authorization', authorization)

    response.assertStatus(422)
    assert.sameMembers(
      response.body().error.details.map((detail: { field: string }) => detail.field),
      ['role', 'sort']
    )
  })

  test('PUT /admin/users/:id/role changes the role and audits it', async ({ client, assert }) => {
    const member = await UserFactory.create()

    const response = await client
      .put(`/api/v1/admin/users/${member.id}/role`)
      .json({ role: 'HASHIRA' })
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.equal(response.body().data.role, 'HASHIRA')
    assert.equal(await roleOf(member), 'HASHIRA')
    const entry = await AuditLog.query().where('action', 'user.role_changed').firstOrFail()
    assert.equal(entry.actorId, admin.id)
  })

  test('PUT /admin/users/:id/role on oneself is 403 FORBIDDEN', async ({ client, assert }) => {
    await UserFactory.apply('admin').create()

    const response = await client
      .put(`/api/v1/admin/users/${admin.id}/role`)
      .json({ role: 'SLAYER' })
      .header('authorization', authorization)

    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
    assert.equal(response.body().error.message, 'You cannot change your own role')
    assert.equal(await roleOf(admin), 'OYAKATASAMA')
  })

  test('two Leaders demoting each other at once leave one Leader (the other gets 409 LAST_ADMIN or 403)', async ({
    client,
    assert,
  }) => {
    const other = await UserFactory.apply('admin').create()
    const otherToken = await bearerFor(other)

    const responses = await Promise.all([
      client
        .put(`/api/v1/admin/users/${other.id}/role`)
        .json({ role: 'SLAYER' })
        .header('authorization', authorization),
      client
        .put(`/api/v1/admin/users/${admin.id}/role`)
        .json({ role: 'SLAYER' })
        .header('authorization', otherToken),
    ])

    const statuses = responses.map((response) => response.status()).sort()
    assert.equal(statuses[0], 200)
    assert.oneOf(statuses[1], [403, 409])
    const refused = responses.find((response) => response.status() !== 200)!
    assert.oneOf(refused.body().error.code, ['LAST_ADMIN', 'FORBIDDEN'])
    assert.equal(await countRows('users', { role: 'OYAKATASAMA', is_active: true }), 1)
  })

  test('PUT /admin/users/:id/active deactivates and ends every API token', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const memberToken = await bearerFor(member)

    const response = await client
      .put(`/api/v1/admin/users/${member.id}/active`)
      .json({ active: false })
      .header('authorization', authorization)

    response.assertStatus(200)
    assert.isFalse(response.body().data.active)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: member.id }), 0)
    const refused = await client.get('/api/v1/users/profile').header('authorization', memberToken)
    refused.assertStatus(401)
  })

  test('PUT /admin/users/:id/active on oneself is 403', async ({ client, assert }) => {
    const response = await client
      .put(`/api/v1/admin/users/${admin.id}/active`)
      .json({ active: false })
      .header('authorization', authorization)

    response.assertStatus(403)
    assert.isTrue(await isActiveNow(admin))
  })

  test('PUT /admin/users/:id/active needs a real boolean (422)', async ({ client }) => {
    const member = await UserFactory.create()

    const response = await client
      .put(`/api/v1/admin/users/${member.id}/active`)
      .json({ active: 'no' })
      .header('authorization', authorization)

    response.assertStatus(422)
  })

  test('an unknown member is 404', async ({ client }) => {
    const response = await client
      .put('/api/v1/admin/users/00000000-0000-4000-8000-000000000000/role')
      .json({ role: 'SLAYER' })
      .header('authorization', authorization)

    response.assertStatus(404)
  })
})

test.group('Admin members (API) refused to others', (group) => {
  isolateDatabase(group)

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} gets 403 on every members endpoint`, async ({
      client,
      assert,
    }) => {
      const actor = await UserFactory.apply(role).create()
      const member = await UserFactory.create()
      const authorization = await bearerFor(actor)

      const list = await client.get('/api/v1/admin/users').header('authorization', authorization)
      const promote = await client
        .put(`/api/v1/admin/users/${member.id}/role`)
        .json({ role: 'OYAKATASAMA' })
        .header('authorization', authorization)
      const deactivate = await client
        .put(`/api/v1/admin/users/${member.id}/active`)
        .json({ active: false })
        .header('authorization', authorization)

      for (const response of [list, promote, deactivate]) {
        response.assertStatus(403)
        assert.equal(response.body().error.code, 'FORBIDDEN')
      }
      assert.equal(await roleOf(member), 'SLAYER')
      assert.isTrue(await isActiveNow(member))
    })
  }
})
