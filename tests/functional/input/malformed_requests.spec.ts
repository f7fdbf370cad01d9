import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { memberWithToken } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { rawRequest } from '#tests/helpers/raw_request'

/**
 * The request as given; an API answer must match the OpenAPI document.
 */
async function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer
) {
  const response = await rawRequest(method, path, headers, body)
  if (response.contractProblems.length) throw new Error(response.contractProblems.join('\n'))
  return response
}

test.group('Malformed requests', (group) => {
  isolateDatabase(group)

  test('a body that is not what its Content-Encoding says answers 400 in the envelope', async ({
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const before = await countRows('bounties')
    const json = { authorization, 'content-type': 'application/json' }
    const title = '{"title":"Not compressed at all"}'

    for (const [encoding, body] of [
      ['gzip', title],
      ['br', title],
      ['deflate', title],
      ['gzip', gzipSync(title).subarray(0, 12)],
    ] as const) {
      const response = await raw(
        'POST',
        '/api/v1/bounties',
        { ...json, 'content-encoding': encoding },
        body
      )

      assert.equal(response.status, 400)
      assert.equal(response.json.error.code, 'BAD_REQUEST')
      assert.equal(
        response.json.error.message,
        `The request body is not valid ${encoding} (its Content-Encoding)`
      )
    }
    assert.equal(await countRows('bounties'), before)
  })

  test('so does one on a route that takes no body', async ({ assert }) => {
    const { authorization } = await memberWithToken()

    const response = await raw(
      'PUT',
      '/api/v1/notifications/read-all',
      { authorization, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      '{}'
    )

    assert.equal(response.status, 400)
  })

  test('an encoding the API does not read answers 415, a real gzip body is read', async ({
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const json = { authorization, 'content-type': 'application/json' }

    const unknown = await raw(
      'POST',
      '/api/v1/bounties',
      { ...json, 'content-encoding': 'zstd' },
      '{}'
    )
    assert.equal(unknown.status, 415)
    assert.equal(unknown.json.error.code, 'UNSUPPORTED_MEDIA_TYPE')

    const gzipped = await raw(
      'POST',
      '/api/v1/bounties',
      { ...json, 'content-encoding': 'gzip' },
      gzipSync('{"title":"x"}')
    )
    assert.equal(gzipped.status, 422)
    assert.equal(gzipped.json.error.details[0].field, 'title')
  })

  test('a page form with a body that does not decode answers 400, not 500', async ({ assert }) => {
    const response = await raw(
      'POST',
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
      'uid=someone&password=secret'
    )

    assert.equal(response.status, 400)
    assert.include(response.text, 'The request body is not valid gzip')
  })

  test('an API path with a malformed % escape answers the 404 envelope', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    for (const path of ['/api/v1/bounties/%zz', '/api/v1/%E0%A4%A', '/api/v1/bounties%']) {
      const response = await client.get(path).header('authorization', authorization)

      response.assertStatus(404)
      assert.equal(response.body().error.code, 'NOT_FOUND')
      assert.equal(response.body().meta.requestId, response.header('x-request-id'))
    }
  })

  test('a page path with a malformed % escape answers a plain 400', async ({ client }) => {
    const response = await client.get('/bounties/%zz')

    response.assertStatus(400)
    response.assertTextIncludes('malformed % escape')
  })
})
