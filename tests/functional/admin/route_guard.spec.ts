import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { fund } from '#tests/helpers/ledger'
import { bearerFor } from '#tests/functional/api/support'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type User from '#models/user'

/*
| Walks every route the router knows under /admin and /api/v1/admin, so a
| new admin route is checked without editing this file: a Pillar (HASHIRA)
| and a Member (SLAYER) are refused on each (a page: the 403 page; a form:
| the authorization refusal, nothing changed; the API: 403 FORBIDDEN), a
| guest is sent to the login page or gets 401. Ids are real records where
| the route names one (members, withdrawals, ledger entries), a valid unknown
| uuid otherwise,
| so a refusal is the policy's and not a 404.
*/

type AdminRoute = { method: string; pattern: string; api: boolean }

function adminRoutes(): AdminRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => /^\/(api\/v1\/)?admin(\/|$)/.test(route.pattern))
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => ({
          method,
          pattern: route.pattern,
          api: route.pattern.startsWith('/api/'),
        }))
    )
}

const UNKNOWN_ID = '7d0f4a1e-2b3c-4d5e-8f90-a1b2c3d4e5f6'

function fill(pattern: string, ids: Record<string, string>) {
  return pattern.replace(/([^/]+)\/:\w+/g, (_, resource: string) => {
    return `${resource}/${ids[resource] ?? UNKNOWN_ID}`
  })
}

async function send(client: ApiClient, route: AdminRoute, url: string, caller: User | null) {
  await limiter.clear()
  const request = client.request(url, route.method as 'GET').redirects(0)
  if (route.api) {
    if (caller) request.header('authorization', await bearerFor(caller))
    return route.method === 'GET' ? request : request.json({})
  }
  if (caller) request.loginAs(caller)
  return route.method === 'GET' ? request : request.form({}).withCsrfToken()
}

/**
 * The tables an admin action writes: a refusal leaves them as they were.
 */
async function state() {
  return {
    audit: await countRows('audit_logs'),
    entries: await countRows('ledger_entries'),
    admins: await countRows('users', { role: 'OYAKATASAMA' }),
    inactive: await countRows('users', { is_active: false }),
  }
}

function problemOf(route: AdminRoute, response: ApiResponse, who: string) {
  const where = `${who} ${route.method} ${route.pattern} → ${response.status()}`
  if (who === 'guest') {
    if (route.api) {
      return response.status() === 401 && response.body().error?.code === 'UNAUTHENTICATED'
        ? null
        : where
    }
    return response.status() === 302 && response.header('location') === '/login' ? null : where
  }
  if (route.api) {
    return response.status() === 403 && response.body().error?.code === 'FORBIDDEN' ? null : where
  }
  if (route.method === 'GET') {
    return response.status() === 403 && response.text().includes('You are not allowed to do that')
      ? null
      : where
  }
  const errors = response.flashMessages()?.errorsBag as Record<string, string> | undefined
  const refused = errors?.E_AUTHORIZATION_FAILURE
  return response.status() === 302 && refused ? null : where
}

test.group('Admin route guard', (group) => {
  isolateDatabase(group)

  test('the walk covers the admin pages and API', ({ assert }) => {
    const routes = adminRoutes()
    assert.isAbove(routes.filter((route) => route.api).length, 6)
    assert.isAbove(routes.filter((route) => !route.api).length, 10)
  })

  for (const [who, role] of [
    ['HASHIRA', 'pillar'],
    ['SLAYER', 'verified'],
    ['guest', null],
  ] as const) {
    test(`every admin route refuses a ${who}`, async ({ client, assert }) => {
      await UserFactory.apply('admin').create()
      const caller = role ? await UserFactory.apply(role).create() : null
      const member = await UserFactory.apply('verified').create()
      await fund(member, '100')
      const withdrawal = await RequestWithdrawal.handle(member, { amount: Money.parse('10') })
      const entry = await db.from('ledger_entries').max('id as id').first()
      const ids = { users: member.id, withdrawals: withdrawal.id, ledger: String(entry.id) }
      const before = await state()

      const problems: string[] = []
      for (const route of adminRoutes()) {
        const response = await send(client, route, fill(route.pattern, ids), caller)
        const problem = problemOf(route, response, who)
        if (problem) problems.push(problem)
      }

      assert.deepEqual(problems, [])
      assert.deepEqual(await state(), before)
    }).timeout(60_000)
  }
})
