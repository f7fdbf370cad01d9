import env from '#start/env'
import { API_PREFIX, openApiProblems } from '#tests/helpers/openapi'

/**
 * One request with its bytes and headers exactly as given (the API client
 * would serialise a body and set its own headers), to the test server. An
 * answer under /api/v1 is checked against the OpenAPI document as the API
 * client checks it; the problems are returned, not thrown, so a walk over
 * many requests can report them all.
 */
export async function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer
) {
  const response = await fetch(`http://${env.get('HOST')}:${env.get('PORT')}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : new Uint8Array(Buffer.from(body)),
    redirect: 'manual',
  })
  const text = await response.text()
  let json: any
  if (response.headers.get('content-type')?.includes('json')) {
    try {
      json = JSON.parse(text)
    } catch {}
  }
  const contractProblems = path.startsWith(`${API_PREFIX}/`)
    ? openApiProblems(method, path, response.status, Object.fromEntries(response.headers), json)
    : []
  return { status: response.status, text, json, contractProblems }
}
