import type { Schema } from '#openapi/builders'
import { openApiDocument } from '#openapi/document'

/**
 * Turns the OpenAPI document into what the /api/docs page shows: operations
 * grouped by tag, with parameters, request fields and example bodies derived
 * from the same schemas the test suite checks responses against.
 */
type Parameter = {
  name: string
  in: string
  required?: boolean
  description?: string
  schema: Schema
}
type Operation = {
  tags: string[]
  operationId: string
  summary: string
  description?: string
  security?: Record<string, string[]>[]
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>
}

const schemas = openApiDocument.components.schemas as Record<string, Schema>

function resolve(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema
  const { $ref, ...rest } = schema
  return { ...resolve(schemas[($ref as string).split('/').pop()!]), ...rest }
}

function merged(schema: Schema): Schema {
  const resolved = resolve(schema)
  if (!Array.isArray(resolved.allOf)) return resolved
  const parts = [...(resolved.allOf as Schema[]).map(merged), { ...resolved, allOf: undefined }]
  return parts.reduce<Schema>(
    (result, part) => ({
      ...result,
      ...part,
      properties: mergeProperties(result.properties as Schema, part.properties as Schema),
    }),
    {}
  )
}

function mergeProperties(left: Schema = {}, right: Schema = {}) {
  const result: Schema = { ...left }
  for (const [key, value] of Object.entries(right)) {
    result[key] = key in left ? merged({ allOf: [left[key] as Schema, value as Schema] }) : value
  }
  return result
}

const FORMAT_EXAMPLES: Record<string, unknown> = {
  'email': 'member@example.com',
  'uuid': '0b6f2c1e-7d2a-4a8e-9a51-3f1f6e2c9d10',
  'date-time': '2026-01-31T09:30:00.000Z',
  'uri': 'https://example.com',
}

export function exampleOf(input: Schema): unknown {
  const schema = merged(input)
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  if ('example' in schema) return schema.example
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined
  if (alternatives) {
    const first = alternatives.map(resolve).find((item) => item.type !== 'null' && item.type)
    return first ? exampleOf(first) : null
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([key, value]) => [
          key,
          exampleOf(value),
        ])
      )
    case 'array':
      return [exampleOf((schema.items ?? {}) as Schema)]
    case 'string':
      return FORMAT_EXAMPLES[schema.format as string] ?? 'string'
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 0
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return null
  }
}

function typeOf(input: Schema): string {
  const schema = merged(input)
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => JSON.stringify(value)).join(' | ')
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined
  if (alternatives) return alternatives.map(typeOf).join(' | ')
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any']
  return types
    .map((type) => (schema.format && type === 'string' ? `string (${schema.format})` : type))
    .join(' | ')
}

function rulesOf(input: Schema): string {
  const schema = merged(input)
  const rules = []
  if (schema.minLength !== undefined) rules.push(`at least ${schema.minLength} characters`)
  if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`)
  if (schema.minimum !== undefined) rules.push(`≥ ${schema.minimum}`)
  if (schema.maximum !== undefined) rules.push(`≤ ${schema.maximum}`)
  if (schema.pattern) rules.push(`matches ${schema.pattern}`)
  if (schema.description) rules.push(String(schema.description))
  return rules.join('; ')
}

function fieldsOf(input: Schema) {
  const schema = merged(input)
  const required = new Set((schema.required ?? []) as string[])
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(
    ([name, value]) => ({
      name,
      type: typeOf(value),
      required: required.has(name),
      rules: inlineMarkdown(rulesOf(value)),
    })
  )
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Descriptions use `backticks` for code, as in Markdown. The text is escaped
 * first, so the only markup that reaches the page is the <code> added here.
 */
export function inlineMarkdown(text: string) {
  return text
    .replace(/[&<>"']/g, (character) => ESCAPES[character])
    .replace(/`([^`]+)`/g, '<code>$1</code>')
}

function present(path: string, method: string, operation: Operation) {
  const body = Object.entries(operation.requestBody?.content ?? {})[0]
  return {
    anchor: operation.operationId,
    method: method.toUpperCase(),
    path,
    summary: operation.summary,
    description: inlineMarkdown(operation.description ?? ''),
    abilities: operation.security?.[0]?.bearerAuth ?? null,
    idempotent: (operation.parameters ?? []).some(
      (parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key'
    ),
    rateLimited: '429' in operation.responses,
    parameters: (operation.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required),
      type: typeOf(parameter.schema),
      description: inlineMarkdown(
        [parameter.description, rulesOf(parameter.schema)].filter(Boolean).join(' — ')
      ),
    })),
    body: body
      ? {
          contentType: body[0],
          fields: fieldsOf(body[1].schema),
          example:
            body[0] === 'application/json'
              ? pretty(body[1].example ?? exampleOf(body[1].schema))
              : null,
        }
      : null,
    responses: Object.entries(operation.responses).map(([status, response]) => {
      const schema = response.content?.['application/json']?.schema
      return {
        status,
        description: inlineMarkdown(response.description),
        kind: status.startsWith('2') ? 'success' : 'error',
        example: schema ? pretty(exampleOf(schema)) : null,
      }
    }),
  }
}

export function docsPage() {
  const paths = openApiDocument.paths as Record<string, Record<string, Operation>>
  const groups = openApiDocument.tags.map((tag) => ({
    name: tag.name,
    description: tag.description,
    operations: Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.tags.includes(tag.name))
        .map(([method, operation]) => present(path, method, operation))
    ),
  }))
  return {
    title: openApiDocument.info.title,
    version: openApiDocument.info.version,
    summary: openApiDocument.info.summary,
    description: openApiDocument.info.description.split('\n\n').map(inlineMarkdown),
    baseUrl: openApiDocument.servers[0].url,
    groups: groups.filter((group) => group.operations.length > 0),
  }
}
