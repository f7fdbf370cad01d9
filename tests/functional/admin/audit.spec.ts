import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { recorded } from '#tests/helpers/admin'

test.group('Admin audit log page', (group) => {
  isolateDatabase(group)

  test('lists entries newest first with actor, action, linked subject and data', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await recorded(admin, 'user.role_changed', member.id, '2026-03-01T10:00:00Z')
    await recorded(admin, 'user.deactivated', member.id, '2026-03-02T10:00:00Z')

    const response = await client.get('/admin/audit').loginAs(admin)

    response.assertStatus(200)
    const html = response.text()
    assert.isBelow(html.indexOf('user.deactivated'), html.indexOf('user.role_changed'))
    assert.include(html, `href="/admin/users/${member.id}"`)
    assert.include(html, `@${admin.username}`)
    assert.match(html, /<dt>before<\/dt>\s*<dd><pre class="data-json">role: SLAYER<\/pre>/)
  })

  test('filters by actor, action, subject and date range', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await recorded(admin, 'user.role_changed', member.id, '2026-03-01T10:00:00Z')
    await recorded(other, 'user.deactivated', member.id, '2026-03-05T23:30:00Z')
    await recorded(other, 'user.reactivated', admin.id, '2026-03-09T10:00:00Z')

    const byActor = await client
      .get('/admin/audit')
      .qs({ actor: other.username.toUpperCase() })
      .loginAs(admin)
    const byAction = await client
      .get('/admin/audit')
      .qs({ action: 'user.role_changed' })
      .loginAs(admin)
    const bySubject = await client
      .get('/admin/audit')
      .qs({ subjectType: 'user', subjectId: admin.id })
      .loginAs(admin)
    const byDates = await client
      .get('/admin/audit')
      .qs({ from: '2026-03-02', to: '2026-03-05' })
      .loginAs(admin)

    assert.include(byActor.text(), '2 entries')
    assert.include(byAction.text(), '1 entry')
    assert.include(bySubject.text(), 'user.reactivated')
    assert.include(bySubject.text(), '1 entry')
    assert.include(byDates.text(), 'user.deactivated')
    assert.include(byDates.text(), '1 entry')
  })

  test('dates that are not dates, or in the wrong order, are form errors, never a 500', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const garbage = await client.get('/admin/audit').qs({ from: '2026-99-99' }).loginAs(admin)
    const reversed = await client
      .get('/admin/audit')
      .qs({ from: '2026-03-05', to: '2026-03-01' })
      .loginAs(admin)

    garbage.assertStatus(200)
    assert.include(garbage.text(), 'Some filters are not valid')
    reversed.assertStatus(200)
    assert.include(reversed.text(), 'Some filters are not valid')
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} gets the 403 page`, async ({ client }) => {
      const actor = await UserFactory.apply(role).create()

      const response = await client.get('/admin/audit').loginAs(actor)

      response.assertStatus(403)
    })
  }
})
