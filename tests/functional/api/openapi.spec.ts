import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { Validator } from '@seriousme/openapi-schema-validator'
import { openApiDocument } from '#openapi/document'
import { API_PREFIX, HTTP_METHODS } from '#tests/helpers/openapi'

/**
 * "METHOD /path/{param}" for every /api/v1 route the router knows.
 */
function registeredOperations() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith(`${API_PREFIX}/`))
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map(
          (method) =>
            `${method} ${route.pattern.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')}`
        )
    )
    .sort()
}

function documentedOperations() {
  return Object.entries(openApiDocument.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => method in item).map(
        (method) => `${method.toUpperCase()} ${path}`
      )
    )
    .sort()
}

test.group('OpenAPI document', () => {
  test('GET /api/v1/openapi.json serves a valid OpenAPI 3.1 document', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/openapi.json')

    response.assertStatus(200)
    const validator = new Validator()
    const result = await validator.validate(response.body())
    assert.deepEqual(result.errors ?? [], [])
    assert.isTrue(result.valid)
    assert.equal(validator.version, '3.1')
  })

  test('documents exactly the routes registered under /api/v1', async ({ assert }) => {
    assert.deepEqual(documentedOperations(), registeredOperations())
  })

  test('every operation has a unique operationId, a tag, and documents 429 and 500', async ({
    assert,
  }) => {
    const operations = Object.values(
      openApiDocument.paths as Record<string, Record<string, any>>
    ).flatMap((item) => Object.values(item))
    const ids = operations.map((operation) => operation.operationId)

    assert.equal(new Set(ids).size, ids.length)
    for (const operation of operations) {
      assert.isNotEmpty(operation.tags, operation.operationId)
      assert.property(operation.responses, '500', operation.operationId)
      assert.property(operation.responses, '429', operation.operationId)
    }
  })
})

test.group('API reference page', () => {
  test('GET /api/docs renders every operation without scripts or third-party assets', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/docs')

    response.assertStatus(200)
    const html = response.text()
    for (const operation of documentedOperations()) {
      const [method, path] = operation.split(' ')
      assert.include(html, `${method}</span>`)
      assert.include(html, `<code>${API_PREFIX}${path}</code>`)
    }
    assert.notInclude(html, '<script')
    assert.notMatch(html, /(src|href)="https?:\/\//)
    assert.include(response.header('content-security-policy') ?? '', "script-src 'self'")
  })
})
