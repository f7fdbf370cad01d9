import { test } from '@japa/runner'
import AuditLog from '#models/audit_log'
import User from '#models/user'
import ChangeRole from '#actions/admin/change_role'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'

async function roleOf(user: User) {
  const fresh = await User.findOrFail(user.id)
  return fresh.role
}

function changeRole(client: any, as: User, member: User, role: string) {
  return client
    .put(`/admin/users/${member.id}/role`)
    .form({ role })
    .withCsrfToken()
    .loginAs(as)
    .redirects(0)
}

test.group('Admin changes a role', (group) => {
  isolateDatabase(group)

  test('a Leader makes a member a Pillar, audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()

    const response = await changeRole(client, admin, member, 'HASHIRA')

    response.assertStatus(302)
    response.assertHeader('location', `/admin/users/${member.id}`)
    response.assertFlashMessage('success', `@${member.username} is now a Pillar.`)
    assert.equal(await roleOf(member), 'HASHIRA')
    const entry = await AuditLog.query().where('action', 'user.role_changed').firstOrFail()
    assert.equal(entry.actorId, admin.id)
    assert.equal(entry.subjectId, member.id)
    assert.deepEqual(entry.data, { before: { role: 'SLAYER' }, after: { role: 'HASHIRA' } })
  })

  test('a Leader demotes another Leader while one stays', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()

    await changeRole(client, admin, other, 'SLAYER')

    assert.equal(await roleOf(other), 'SLAYER')
  })

  test('a Leader cannot change their own role', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.apply('admin').create()

    const response = await changeRole(client, admin, admin, 'SLAYER')

    response.assertFlashMessage('error', 'You cannot change your own role')
    assert.equal(await roleOf(admin), 'OYAKATASAMA')
    assert.equal(await countRows('audit_logs', { action: 'user.role_changed' }), 0)
  })

  test('the last active Leader cannot be demoted', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const retired = await UserFactory.apply('admin').apply('inactive').create()

    await assert.rejects(
      () => ChangeRole.handle({ user: retired, ip: null }, admin, 'SLAYER'),
      'Corps needs at least one active Leader.'
    )
    assert.equal(await roleOf(admin), 'OYAKATASAMA')
  })

  test('an unknown role is a form error and changes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()

    const response = await changeRole(client, admin, member, 'EMPEROR')

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      role: ['Choose one of: OYAKATASAMA,HASHIRA,SLAYER'],
    })
    assert.equal(await roleOf(member), 'SLAYER')
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} cannot change a role`, async ({
      client,
      assert,
    }) => {
      const actor = await UserFactory.apply(role).create()
      const member = await UserFactory.create()

      const response = await changeRole(client, actor, member, 'OYAKATASAMA')

      response.assertFlashMessage('error', 'Access denied')
      assert.equal(await roleOf(member), 'SLAYER')
    })
  }
})
