import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

/*
 * Routes that exist only while the test suite runs (registered before the
 * router is committed), outside /api/v1 so the document does not list them.
 */
const seen: { requestId?: unknown } = {}
router.post('/api/__test__/crash', ({ logger }) => {
  seen.requestId = logger.bindings().request_id
  throw new Error('select * from users where password = $1 failed at /work/main/app/secret.ts:12')
})
router.get('/api/__test__/missing-record', async () => {
  const { default: User } = await import('#models/user')
  return User.findOrFail('00000000-0000-4000-8000-000000000000')
})

test.group('API envelope: errors', (group) => {
  isolateDatabase(group)

  test('an unknown /api/v1 route answers 404 NOT_FOUND in the error envelope', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/no-such-thing').header('accept', 'text/html')

    response.assertStatus(404)
    assert.equal(response.header('content-type')?.split(';')[0], 'application/json')
    assert.deepInclude(response.body(), {
      success: false,
      error: { code: 'NOT_FOUND', message: 'Not found' },
    })
    assert.match(response.body().meta.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    assert.equal(response.body().meta.requestId, response.header('x-request-id'))
  })

  test('API responses carry no session or CSRF cookie, but the security headers', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    const anonymous = await client.get('/api/v1/openapi.json')
    const signedIn = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)

    assert.isUndefined(anonymous.header('set-cookie'))
    assert.isUndefined(signedIn.header('set-cookie'))
    assert.equal(signedIn.header('x-content-type-options'), 'nosniff')
    assert.equal(signedIn.header('x-frame-options'), 'DENY')
  })

  test('a wrong method on a known path answers in the error envelope', async ({ client }) => {
    const response = await client.delete('/api/v1/auth/login')

    response.assertStatus(404)
    response.assertBodyContains({ success: false, error: { code: 'NOT_FOUND' } })
  })

  test('a malformed UUID in a path parameter answers 404, not a database error', async ({
    client,
  }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .get("/api/v1/users/1' OR '1'='1/public")
      .header('authorization', authorization)

    response.assertStatus(404)
    response.assertBodyContains({ error: { code: 'NOT_FOUND' } })
  })

  test('a missing record answers 404 NOT_FOUND', async ({ client }) => {
    const response = await client.get('/api/__test__/missing-record')

    response.assertStatus(404)
    response.assertBody({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Not found' },
      meta: {
        timestamp: response.body().meta.timestamp,
        requestId: response.header('x-request-id'),
      },
    })
  })

  test('an unexpected failure answers 500 INTERNAL_ERROR without stack, SQL or path', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/api/__test__/crash').json({})

    response.assertStatus(500)
    assert.deepEqual(response.body().error, {
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side',
    })
    assert.notMatch(response.text(), /select|password|\/work\/|secret\.ts|stack/i)
    assert.equal(response.body().meta.requestId, seen.requestId)
    assert.equal(response.header('x-request-id'), seen.requestId)
  })

  test('the request id a proxy sends is the one logged and returned', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/api/__test__/crash')
      .header('x-request-id', 'edge-4f1c2a')
      .json({})

    assert.equal(seen.requestId, 'edge-4f1c2a')
    assert.equal(response.body().meta.requestId, 'edge-4f1c2a')
    assert.equal(response.header('x-request-id'), 'edge-4f1c2a')
  })
})

test.group('API envelope: malformed input never causes a 500', (group) => {
  isolateDatabase(group)

  test('broken JSON answers 400 INVALID_JSON without echoing the body', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/api/v1/auth/login').json('{"email": "a@b.c", ')

    response.assertStatus(400)
    assert.equal(response.body().error.code, 'INVALID_JSON')
    assert.notInclude(response.text(), 'a@b.c')
  })

  test('a JSON scalar instead of an object answers 400 INVALID_JSON', async ({ client }) => {
    const response = await client.post('/api/v1/auth/register').json('"just a string"')

    response.assertStatus(400)
    response.assertBodyContains({ error: { code: 'INVALID_JSON' } })
  })

  test('a body larger than the limit answers 413 PAYLOAD_TOO_LARGE', async ({ client }) => {
    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) })

    response.assertStatus(413)
    response.assertBodyContains({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  test('odd bodies on every JSON endpoint never get a 500 and always get the envelope', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const endpoints: [string, string][] = [
      ['post', '/api/v1/auth/register'],
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/forgot-password'],
      ['post', '/api/v1/auth/reset-password'],
      ['put', '/api/v1/users/profile'],
      ['put', '/api/v1/users/settings'],
      ['delete', '/api/v1/users/account'],
    ]
    const bodies: unknown[] = [
      [],
      [1, 2, 3],
      { email: ['a@b.c'], username: { $ne: null }, password: 12345678 },
      '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
      { email: 'a'.repeat(10_000), password: '\u0000\uffff\ud800' },
      { firstName: { nested: { deeply: [1, { a: null }] } }, profileVisibility: 42 },
      { token: null, password: null, bio: false, website: 'javascript:alert(1)' },
      { emailNotifications: 'maybe', experienceLevel: 'GOD' },
    ]

    for (const [method, url] of endpoints) {
      for (const body of bodies) {
        const response = await client[method as 'post'](url)
          .header('authorization', authorization)
          .json(body)
        assert.isBelow(response.status(), 500, `${method} ${url} ${JSON.stringify(body)}`)
        assert.isBoolean(response.body().success, `${method} ${url} ${JSON.stringify(body)}`)
      }
    }
  })

  test('form-encoded and text bodies are refused without a 500', async ({ client, assert }) => {
    const form = await client.post('/api/v1/auth/login').form({ 'email[]': 'x', 'password': 'y' })
    const text = await client
      .post('/api/v1/auth/login')
      .json('email=x')
      .header('content-type', 'text/plain')

    assert.equal(form.status(), 422)
    assert.equal(text.status(), 422)
  })
})
