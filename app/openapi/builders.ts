/**
 * Small builders that keep the OpenAPI document honest and short: every
 * success is the response envelope around a data schema, every refusal the
 * error envelope with the codes that operation can answer.
 */
export type Schema = Record<string, unknown>

export type ResponseObject = {
  description: string
  headers?: Record<string, unknown>
  content?: Record<string, { schema: Schema }>
}

export type Operation = {
  tags: string[]
  operationId: string
  summary: string
  description?: string
  security?: Record<string, string[]>[]
  parameters?: Schema[]
  requestBody?: Schema
  responses: Record<string, ResponseObject>
}

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })

export const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] })

const STATUS_TEXT: Record<number, string> = {
  400: 'The request could not be understood (e.g. malformed JSON)',
  401: 'No valid Bearer token',
  403: 'The caller may not do this',
  404: 'No such resource (or the caller may not see it)',
  409: 'The request conflicts with the current state',
  413: 'The request body is too large',
  415: 'The body is in a Content-Type or Content-Encoding the API does not read',
  422: 'The input is invalid: `error.details` lists each field',
  423: 'The account is temporarily locked',
  429: 'Too many requests: retry after `Retry-After` seconds',
  500: 'Unexpected failure (no internals are disclosed)',
}

const DEFAULT_CODES: Record<number, string[]> = {
  400: ['BAD_REQUEST', 'INVALID_JSON'],
  401: ['UNAUTHENTICATED'],
  403: ['FORBIDDEN'],
  404: ['NOT_FOUND'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  422: ['VALIDATION_FAILED'],
  429: ['RATE_LIMITED'],
  500: ['INTERNAL_ERROR'],
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 0 },
  },
}

export function success(
  description: string,
  data: Schema,
  options: { paginated?: boolean; status?: number } = {}
): Record<string, ResponseObject> {
  return {
    [String(options.status ?? 200)]: {
      description,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['success', 'data', 'meta'],
            additionalProperties: false,
            properties: {
              success: { const: true },
              data,
              message: { type: 'string' },
              meta: ref(options.paginated ? 'PaginatedMeta' : 'Meta'),
            },
          },
        },
      },
    },
  }
}

/**
 * One error response; `codes` narrows `error.code` to what this operation
 * can really answer with that status.
 */
export function failure(status: number, codes = DEFAULT_CODES[status], description?: string) {
  return {
    [String(status)]: {
      description: description ?? STATUS_TEXT[status],
      ...(status === 429 || status === 423 ? { headers: RETRY_AFTER } : {}),
      content: {
        'application/json': {
          schema: {
            allOf: [ref('ErrorEnvelope')],
            properties: {
              error: {
                type: 'object',
                properties: { code: { type: 'string', enum: codes } },
              },
            },
          },
        },
      },
    },
  } satisfies Record<string, ResponseObject>
}

export function failures(...statuses: number[]) {
  return Object.assign({}, ...statuses.map((status) => failure(status)))
}

export function jsonBody(schema: Schema, example?: unknown) {
  return {
    required: true,
    content: { 'application/json': { schema, ...(example ? { example } : {}) } },
  }
}

export function uuidPath(name: string, description: string) {
  return {
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', format: 'uuid' },
  }
}

export function query(name: string, schema: Schema, description: string) {
  return { name, in: 'query', required: false, description, schema }
}

export const bearer = (...abilities: string[]) => [{ bearerAuth: abilities }]

/**
 * Adds the refusals every operation of its kind can meet: any call can be
 * rate limited (the /api/v1 throttle) or fail unexpectedly; a Bearer call
 * can lack or misuse its token (refusals of the body: `withBodyRefusals`).
 * Explicit responses win over these defaults.
 */
export function operation(spec: Operation): Operation {
  const secured = Boolean(spec.security?.length)
  const defaults = {
    ...(secured ? failure(401) : {}),
    ...(secured ? failure(403, ['FORBIDDEN', 'ACCOUNT_INACTIVE']) : {}),
    ...failure(429),
    ...failure(500),
  }
  return { ...spec, responses: sorted({ ...defaults, ...spec.responses }) }
}

function sorted(responses: Record<string, ResponseObject>) {
  return Object.fromEntries(
    Object.entries(responses).sort(([left], [right]) => left.localeCompare(right))
  )
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete'])

/**
 * The body parser reads the body of every POST, PUT, PATCH and DELETE,
 * whether the operation takes one or not: any of them can meet a body that
 * does not decode (400), is too large (413) or comes in an encoding the API
 * does not read (415).
 */
export function withBodyRefusals<Paths extends Record<string, Record<string, Operation>>>(
  paths: Paths
): Paths {
  for (const item of Object.values(paths)) {
    for (const [method, spec] of Object.entries(item)) {
      if (!BODY_METHODS.has(method)) continue
      spec.responses = sorted({ ...failures(400, 413, 415), ...spec.responses })
    }
  }
  return paths
}

/**
 * JSON Schema (draft 7) from a VineJS validator, so request bodies in the
 * document follow the rules the server really applies.
 */
export function fromValidator(validator: { toJSONSchema(): object }): Schema {
  return JSON.parse(JSON.stringify(validator.toJSONSchema()))
}

/**
 * A closed object schema: every property listed is required, no others.
 */
export function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    additionalProperties: false,
    properties,
  }
}

export const pagination = (defaultLimit: number) => [
  query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number'),
  query(
    'limit',
    { type: 'integer', minimum: 1, maximum: 100, default: defaultLimit },
    'Items per page'
  ),
]
