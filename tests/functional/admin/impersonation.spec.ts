import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import AuditLog from '#models/audit_log'
import { ACCOUNT_ROUTES, MONEY_ROUTES } from '#middleware/impersonation_middleware'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { postBounty } from '#tests/helpers/bounties'
import { fund } from '#tests/helpers/ledger'
import type User from '#models/user'
import type { ApiClient } from '@japa/api-client'

function startImpersonating(client: ApiClient, admin: User, member: User) {
  return client
    .post(`/admin/users/${member.id}/impersonation`)
    .withCsrfToken()
    .loginAs(admin)
    .redirects(0)
}

/**
 * Every registered page route named in `names`, with its method.
 */
function routesNamed(names: Set<string>) {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.name && names.has(route.name))
    .map((route) => ({
      name: route.name!,
      method: route.methods.find((method) => method !== 'HEAD')!,
      pattern: route.pattern,
    }))
}

test.group('Impersonation', (group) => {
  isolateDatabase(group)

  test('a Leader acts as a member, sees the banner, and stops with one click; both ends audited', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()

    const started = await startImpersonating(client, admin, member)
    started.assertStatus(302)
    started.assertHeader('location', '/dashboard')

    const page = await client.get('/dashboard').inSessionOf(started)
    page.assertStatus(200)
    assert.include(page.text(), `You are acting as @${member.username}.`)
    assert.include(page.text(), `Signed in as Leader @${admin.username}`)
    const adminPage = await client.get('/admin/users').inSessionOf(started)
    adminPage.assertStatus(403)

    const stopped = await client
      .delete('/admin/impersonation')
      .withCsrfToken()
      .inSessionOf(started)
      .redirects(0)
    stopped.assertStatus(302)
    stopped.assertHeader('location', `/admin/users/${member.id}`)
    const back = await client.get('/admin/users').inSessionOf(stopped)
    back.assertStatus(200)
    assert.notInclude(back.text(), 'You are acting as')

    const entries = await AuditLog.query()
      .whereIn('action', ['impersonation.started', 'impersonation.stopped'])
      .orderBy('created_at')
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.actorId, entry.subjectId]),
      [
        ['impersonation.started', admin.id, member.id],
        ['impersonation.stopped', admin.id, member.id],
      ]
    )
    assert.deepEqual(entries[0].data, {
      admin: { id: admin.id, username: admin.username },
      member: { id: member.id, username: member.username },
    })
  })

  test('every money page answers 403 while impersonating, and nothing moves', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    await fund(member, '500')
    const bounty = await postBounty(member)
    const started = await startImpersonating(client, admin, member)
    const routes = routesNamed(MONEY_ROUTES)
    assert.sameMembers(
      routes.map((route) => route.name),
      [...MONEY_ROUTES]
    )
    const before = await countRows('ledger_entries')

    for (const route of routes) {
      const url = route.pattern.replace(':id', bounty.id)
      const response = await client
        .request(url, route.method as 'POST')
        .form({ amount: '10', toUsername: admin.username, title: 'x', description: 'y' })
        .withCsrfToken()
        .inSessionOf(started)
        .redirects(0)
      assert.equal(response.status(), 403, `${route.method} ${url}`)
      assert.include(response.text(), 'Money cannot move while you act as another member')
    }
    assert.equal(await countRows('ledger_entries'), before)
    assert.equal(await countRows('bounties', { id: bounty.id, deleted_at: null }), 1)
  })

  test('the pages that change how the member signs in answer 403 while impersonating', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    const started = await startImpersonating(client, admin, member)
    const routes = routesNamed(ACCOUNT_ROUTES)
    assert.sameMembers(
      routes.map((route) => route.name),
      [...ACCOUNT_ROUTES]
    )
    const password = member.password

    for (const route of routes) {
      const response = await client
        .request(route.pattern, route.method as 'POST')
        .form({ password: 'Another-pass1', email: 'taken@example.test', name: 'Mine' })
        .withCsrfToken()
        .inSessionOf(started)
        .redirects(0)
      assert.equal(response.status(), 403, `${route.method} ${route.pattern}`)
      assert.include(response.text(), 'cannot change while you act as them')
    }
    await member.refresh()
    assert.equal(member.password, password)
    assert.isNull(member.deletedAt)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: member.id }), 0)
  })

  test('signing out ends the impersonation: the Leader signs in again as themselves', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    const started = await startImpersonating(client, admin, member)

    const out = await client.post('/logout').withCsrfToken().inSessionOf(started).redirects(0)
    out.assertStatus(302)
    const login = await client
      .post('/login')
      .form({ uid: admin.username, password: FACTORY_PASSWORD })
      .withCsrfToken()
      .inSessionOf(out)
      .redirects(0)
    const page = await client.get('/admin/users').inSessionOf(login)

    page.assertStatus(200)
    assert.notInclude(page.text(), 'You are acting as')
  })

  test('a Leader cannot impersonate another Leader, a deactivated member or themselves', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()
    const inactive = await UserFactory.apply('inactive').create()

    const leader = await startImpersonating(client, admin, other)
    const gone = await startImpersonating(client, admin, inactive)
    const self = await startImpersonating(client, admin, admin)

    leader.assertFlashMessage('error', 'Leaders cannot be impersonated')
    gone.assertFlashMessage('error', 'This account cannot sign in')
    self.assertFlashMessage('error', 'You are already yourself')
    assert.equal(await countRows('audit_logs'), 0)
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} can neither start nor stop an impersonation`, async ({
      client,
      assert,
    }) => {
      const actor = await UserFactory.apply(role).create()
      const member = await UserFactory.create()

      const start = await startImpersonating(client, actor, member)
      const stop = await client
        .delete('/admin/impersonation')
        .withCsrfToken()
        .loginAs(actor)
        .redirects(0)

      start.assertFlashMessage('error', 'Access denied')
      stop.assertFlashMessage('error', 'Access denied')
      assert.equal(await countRows('audit_logs'), 0)
    })
  }
})
