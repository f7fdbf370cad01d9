import { test } from '@japa/runner'

/**
 * Pages get shield whole (the web stack), the API its headers without CSRF
 * (the api stack): start/kernel.ts `stacks`.
 */
test.group('Security headers', () => {
  test('every page gets the content policy, frame denial, nosniff and its own CSRF secret', async ({
    client,
    assert,
  }) => {
    const first = await client.get('/login')
    const second = await client.get('/login')
    for (const response of [first, second]) {
      response.assertStatus(200)
      assert.include(response.header('content-security-policy'), "default-src 'self'")
      response.assertHeader('x-frame-options', 'DENY')
      response.assertHeader('x-content-type-options', 'nosniff')
      response.assertHeader('referrer-policy', 'same-origin')
      assert.include(response.header('permissions-policy'), 'camera=()')
    }
    const token = (html: string) => /name=['"]_csrf['"] value=['"]([^'"]+)/.exec(html)?.[1]
    assert.isDefined(token(first.text()))
    assert.notEqual(token(first.text()), token(second.text()))
  })

  test('API answers get frame denial and nosniff, without a session or CSRF cookie', async ({
    client,
    assert,
  }) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await client.get('/api/v1/wallet/balance')
      response.assertStatus(401)
      response.assertHeader('x-frame-options', 'DENY')
      response.assertHeader('x-content-type-options', 'nosniff')
      assert.isUndefined(response.header('content-security-policy'))
      assert.isUndefined(response.header('set-cookie'))
    }
  })

  test('files from public/ get nosniff too', async ({ client }) => {
    for (const path of ['/favicon.svg', '/css/app.css']) {
      const response = await client.get(path)
      response.assertStatus(200)
      response.assertHeader('x-content-type-options', 'nosniff')
    }
  })
})
