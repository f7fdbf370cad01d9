import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { fund } from '#tests/helpers/ledger'
import { postBounty } from '#tests/helpers/bounties'
import User from '#models/user'
import ChangeRole from '#actions/admin/change_role'

test.group('Admin members list', (group) => {
  isolateDatabase(group)

  test('searches by name, username or email', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const byName = await UserFactory.merge({ firstName: 'Tanjiro', lastName: 'Kamado' }).create()
    const byEmail = await UserFactory.merge({ email: 'zenitsu.agatsuma@example.test' }).create()
    const other = await UserFactory.create()

    const name = await client.get('/admin/users').qs({ q: 'tanjiro kam' }).loginAs(admin)
    const email = await client.get('/admin/users').qs({ q: 'ZENITSU.aga' }).loginAs(admin)
    const username = await client
      .get('/admin/users')
      .qs({ q: other.username.slice(0, 6) })
      .loginAs(admin)

    name.assertStatus(200)
    assert.include(name.text(), `@${byName.username}`)
    assert.notInclude(name.text(), `@${other.username}`)
    assert.include(email.text(), `@${byEmail.username}`)
    assert.notInclude(email.text(), `@${byName.username}`)
    assert.include(username.text(), `@${other.username}`)
  })

  test('a search with % or _ matches them literally', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()

    const response = await client.get('/admin/users').qs({ q: '%' }).loginAs(admin)

    response.assertStatus(200)
    assert.notInclude(response.text(), `@${member.username}`)
    assert.include(response.text(), 'No member matches.')
  })

  test('filters by role, status and verification, and sorts by username', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').merge({ username: 'mmm_admin' }).create()
    const pillar = await UserFactory.apply('pillar').merge({ username: 'bbb_pillar' }).create()
    const inactive = await UserFactory.apply('inactive').merge({ username: 'ccc_gone' }).create()
    const unverified = await UserFactory.merge({ username: 'aaa_new' }).create()

    const pillars = await client.get('/admin/users').qs({ role: 'HASHIRA' }).loginAs(admin)
    const deactivated = await client.get('/admin/users').qs({ active: 'false' }).loginAs(admin)
    const notVerified = await client
      .get('/admin/users')
      .qs({ verified: 'false', sort: 'username' })
      .loginAs(admin)

    assert.include(pillars.text(), `@${pillar.username}`)
    assert.notInclude(pillars.text(), `@${unverified.username}`)
    assert.include(deactivated.text(), `@${inactive.username}`)
    assert.notInclude(deactivated.text(), `@${pillar.username}`)
    const html = notVerified.text()
    assert.notInclude(html, `@${pillar.username}`)
    assert.isBelow(html.indexOf(`@${unverified.username}`), html.indexOf(`@${inactive.username}`))
  })

  test('sorts by last sign-in, never-signed-in last', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const recent = await UserFactory.merge({ lastLoginAt: DateTime.now() }).create()
    const older = await UserFactory.merge({
      lastLoginAt: DateTime.now().minus({ days: 3 }),
    }).create()

    const response = await client.get('/admin/users').qs({ sort: 'last_sign_in' }).loginAs(admin)

    const html = response.text()
    assert.isBelow(html.indexOf(`@${recent.username}`), html.indexOf(`@${older.username}`))
    assert.isBelow(html.indexOf(`@${older.username}`), html.indexOf(`@${admin.username}`))
  })

  test('pages through members 25 at a time, keeping the filters', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.apply('pillar').createMany(27)

    const first = await client.get('/admin/users').qs({ role: 'HASHIRA' }).loginAs(admin)
    const second = await client.get('/admin/users').qs({ role: 'HASHIRA', page: 2 }).loginAs(admin)

    assert.include(first.text(), '27 members')
    assert.include(first.text(), 'role=HASHIRA&amp;page=2')
    assert.equal((second.text().match(/data-label="Role">Pillar/g) ?? []).length, 2)
  })

  test('unknown filter values show a form error, never a 500', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client
      .get('/admin/users')
      .qs({ role: 'EMPEROR', active: 'maybe', sort: 'age', page: 'x' })
      .loginAs(admin)

    response.assertStatus(200)
    assert.include(response.text(), 'Some filters are not valid')
    assert.include(response.text(), `@${admin.username}`)
  })

  test('deleted accounts are not listed', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const deleted = await UserFactory.apply('deleted').create()

    const response = await client.get('/admin/users').loginAs(admin)

    assert.notInclude(response.text(), deleted.username)
  })
})

test.group('Admin member page', (group) => {
  isolateDatabase(group)

  test('shows the profile, wallet, bounties, tokens and audit entries, never a token secret', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    await fund(member, '120.00')
    const bounty = await postBounty(member, { title: 'Polish the Nichirin blades' })
    const token = await User.accessTokens.create(member, ['read'], { name: 'Crow courier' })
    await ChangeRole.handle({ user: admin, ip: null }, member, 'HASHIRA')

    const response = await client.get(`/admin/users/${member.id}`).loginAs(admin)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, member.email)
    assert.include(html, 'Crow courier')
    assert.notInclude(html, token.value!.release())
    assert.include(html, bounty.title)
    assert.match(html, /<dt>Bounties posted<\/dt>\s*<dd>1<\/dd>/)
    assert.include(html, 'user.role_changed')
    assert.include(html, 'Deactivate…')
    assert.include(html, 'See Corps as')
  })

  test('an admin’s own page offers no role, activation or impersonation forms', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client.get(`/admin/users/${admin.id}`).loginAs(admin)

    response.assertStatus(200)
    assert.notInclude(response.text(), 'Change role…')
    assert.notInclude(response.text(), 'Deactivate…')
  })

  test('an unknown or malformed id is a 404', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()

    const unknown = await client
      .get('/admin/users/00000000-0000-4000-8000-000000000000')
      .loginAs(admin)
    const malformed = await client.get('/admin/users/not-an-id').loginAs(admin)

    unknown.assertStatus(404)
    malformed.assertStatus(404)
  })
})
