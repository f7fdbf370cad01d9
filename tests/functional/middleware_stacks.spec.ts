import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

/**
 * Which stack of start/kernel.ts (`stacks`) a route runs, by the named
 * middleware only that stack starts with.
 */
const STACK_OF: Record<string, string> = {
  session: 'web',
  shieldHeaders: 'api',
  liveSession: 'live',
}

function routesWithStacks() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => !route.pattern.includes('__test__'))
    .map((route) => {
      const names = [...route.middleware.all()].flatMap((one) =>
        typeof one === 'function' || !one.name ? [] : [one.name]
      )
      return { pattern: route.pattern, stacks: names.filter((name) => name in STACK_OF) }
    })
}

test.group('Middleware stacks', () => {
  test('every route runs exactly one stack: /api/v1 the API’s, /__transmit/ the live one, pages the web one', ({
    assert,
  }) => {
    const routes = routesWithStacks()
    assert.isAbove(routes.length, 100)
    for (const { pattern, stacks } of routes) {
      const expected = pattern.startsWith('/api/v1/')
        ? 'shieldHeaders'
        : pattern.startsWith('/__transmit/')
          ? 'liveSession'
          : 'session'
      assert.deepEqual(stacks, [expected], pattern)
    }
  })

  test('a page gets a session cookie; an API call gets none, but shield’s headers', async ({
    client,
    assert,
  }) => {
    const page = await client.get('/login')
    assert.include(String(page.header('set-cookie')), 'corps-session')

    const api = await client.get('/api/v1/openapi.json')
    api.assertStatus(200)
    assert.isUndefined(api.header('set-cookie'))
    api.assertHeader('x-content-type-options', 'nosniff')
  })
})
