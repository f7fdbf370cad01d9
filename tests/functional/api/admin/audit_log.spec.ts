import { test } from '@japa/runner'
import '#tests/helpers/openapi'
import ChangeRole from '#actions/admin/change_role'
import SetActivation from '#actions/admin/set_activation'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'

test.group('Admin audit log (API)', (group) => {
  isolateDatabase(group)

  test('GET /admin/audit-log lists entries newest first, filtered by actor and action', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await ChangeRole.handle({ user: admin, ip: null }, member, 'HASHIRA')
    await SetActivation.handle({ user: other, ip: null }, member, false)
    const authorization = await bearerFor(admin)

    const all = await client.get('/api/v1/admin/audit-log').header('authorization', authorization)
    const byActor = await client
      .get('/api/v1/admin/audit-log')
      .qs({ actor: other.username })
      .header('authorization', authorization)
    const byAction = await client
      .get('/api/v1/admin/audit-log')
      .qs({ action: 'user.role_changed' })
      .header('authorization', authorization)

    all.assertStatus(200)
    assert.equal(all.body().meta.pagination.total, 2)
    assert.deepEqual(byActor.body().data[0].actor, { id: other.id, username: other.username })
    assert.equal(byActor.body().data[0].action, 'user.deactivated')
    assert.deepEqual(byAction.body().data[0], {
      ...byAction.body().data[0],
      action: 'user.role_changed',
      subjectType: 'user',
      subjectId: member.id,
      data: { before: { role: 'SLAYER' }, after: { role: 'HASHIRA' } },
    })
    assert.equal(byAction.body().meta.pagination.total, 1)
  })

  test('dates that are not dates are 422, never 500', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client
      .get('/api/v1/admin/audit-log')
      .qs({ from: 'yesterday', to: '2026-02-30' })
      .header('authorization', await bearerFor(admin))

    response.assertStatus(422)
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} gets 403`, async ({ client, assert }) => {
      const actor = await UserFactory.apply(role).create()

      const response = await client
        .get('/api/v1/admin/audit-log')
        .header('authorization', await bearerFor(actor))

      response.assertStatus(403)
      assert.equal(response.body().error.code, 'FORBIDDEN')
    })
  }
})
