/*
|--------------------------------------------------------------------------
| Contract checks against the served OpenAPI document
|--------------------------------------------------------------------------
|
| Importing this file registers an api-client teardown hook: every response
| to a request under /api/v1 must have a status the operation documents and
| a body that matches that response's schema. Unmatched paths must answer
| with the error envelope. A mismatch fails the test that made the request.
*/
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { ApiClient, type ApiResponse } from '@japa/api-client'
import { openApiDocument } from '#openapi/document'

type Schema = Record<string, unknown>
type Responses = Record<string, { content?: Record<string, { schema: Schema }> }>
type PathItem = Record<string, { responses: Responses }>

export const API_PREFIX = '/api/v1'
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

const document = openApiDocument as unknown as {
  paths: Record<string, PathItem>
  components: { schemas: Record<string, Schema> }
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)

const validators = new Map<string, ValidateFunction>()

/**
 * Inlines `#/components/schemas/*` references (the document has no cycles).
 */
function dereference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dereference)
  if (value === null || typeof value !== 'object') return value
  const { $ref, ...rest } = value as Schema
  if (typeof $ref === 'string') {
    const name = $ref.replace('#/components/schemas/', '')
    const target = document.components.schemas[name]
    if (!target) throw new Error(`Unknown schema reference ${$ref}`)
    return { ...(dereference(target) as Schema), ...(dereference(rest) as Schema) }
  }
  return Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, dereference(item)]))
}

function compile(key: string, schema: Schema) {
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(dereference(schema) as Schema)
    validators.set(key, validate)
  }
  return validate
}

/**
 * Finds the documented path template ("/users/{id}/public") for a request path.
 */
export function matchPath(path: string) {
  return Object.keys(document.paths).find((template) => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')
    return new RegExp(`^${pattern}$`).test(path)
  })
}

/**
 * Checks one response against the document; returns a list of problems.
 */
export function openApiProblems(
  method: string,
  url: string,
  status: number,
  headers: Record<string, unknown>,
  body: unknown
): string[] {
  const path = new URL(url, 'http://localhost').pathname.slice(API_PREFIX.length) || '/'
  const template = matchPath(path)
  const operation = template ? document.paths[template][method.toLowerCase()] : undefined
  const where = `${method.toUpperCase()} ${API_PREFIX}${path} → ${status}`

  if (!operation) {
    if (status !== 404 && status !== 405) {
      return [`${where}: no documented operation, yet the status is not 404/405`]
    }
    return problems(
      where,
      compile('ErrorEnvelope', { $ref: '#/components/schemas/ErrorEnvelope' }),
      body
    )
  }

  const response = operation.responses[String(status)]
  if (!response) return [`${where}: status ${status} is not documented for this operation`]

  const found = []
  if (status === 429 && headers['retry-after'] === undefined) {
    found.push(`${where}: 429 without a Retry-After header`)
  }
  if (status >= 400 && isObject(body) && isObject(body.meta)) {
    if (body.meta.requestId !== headers['x-request-id']) {
      found.push(`${where}: meta.requestId differs from the X-Request-Id header`)
    }
  }

  const schema = response.content?.['application/json']?.schema
  if (!schema) {
    const documentsOtherContent = Object.keys(response.content ?? {}).length > 0
    const sent =
      body !== undefined && body !== '' && !(isObject(body) && Object.keys(body).length === 0)
    if (sent && !documentsOtherContent) {
      found.push(`${where}: a body was sent but none is documented`)
    }
    return found
  }
  return [...found, ...problems(where, compile(`${method} ${template} ${status}`, schema), body)]
}

function problems(where: string, validate: ValidateFunction, body: unknown) {
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (error) =>
      `${where}: body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`
  )
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function assertMatchesOpenApi(response: ApiResponse) {
  const { method, endpoint } = response.request.config
  const found = openApiProblems(
    method,
    endpoint,
    response.status(),
    response.headers(),
    response.hasBody() ? response.body() : undefined
  )
  if (found.length) {
    throw new Error(`Response does not match the OpenAPI document:\n  ${found.join('\n  ')}`)
  }
}

const registered = Symbol.for('corps.openapi.teardown')
const globals = globalThis as { [registered]?: boolean }
if (!globals[registered]) {
  globals[registered] = true
  ApiClient.teardown((response) => {
    const endpoint = response.request.config.endpoint
    if (endpoint.startsWith(`${API_PREFIX}/`)) assertMatchesOpenApi(response)
  })
}
