import { test } from '@japa/runner'

test.group('Public files', () => {
  test('files in public/ are served with their type and caching headers', async ({ client }) => {
    const response = await client.get('/css/app.css')
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/css; charset=utf-8')
    response.assertHeader('cache-control', 'public, max-age=0')
    const favicon = await client.get('/favicon.svg')
    favicon.assertStatus(200)
    favicon.assertHeader('content-type', 'image/svg+xml')
  })

  test('a folder of public/ is not a page', async ({ client }) => {
    const response = await client.get('/css')
    response.assertStatus(404)
  })
})
