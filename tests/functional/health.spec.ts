import { test } from '@japa/runner'

test.group('Health', () => {
  test('GET /health answers 200 when the database is up', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok' })
  })

  test('an unknown page renders the styled 404 page', async ({ client }) => {
    const response = await client.get('/no-such-page')
    response.assertStatus(404)
    response.assertTextIncludes('We could not find that page')
  })
})

test.group('Health liveness', () => {
  test('GET /health/live answers 200 without touching the database', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })
})
