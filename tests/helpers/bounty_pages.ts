import type { ApiClient } from '@japa/api-client'
import type { ApiResponse } from '@japa/api-client'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type User from '#models/user'

/**
 * A 1×1 PNG, a text file pretending to be one and a PDF, for upload forms.
 */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
export const FAKE_PNG = Buffer.from('not really an image\n')
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

/**
 * Markup that would run if a page printed it unescaped or unsanitised.
 */
export const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'

/**
 * The bounty titles of the cards on a page, in order (as the page escapes
 * them).
 */
export function cardTitles(html: string) {
  return [...html.matchAll(/class="bounty-card__title"[^>]*>\s*<a href="[^"]+">([^<]*)<\/a>/g)].map(
    (match) => match[1]
  )
}

/**
 * A page form submitted by `user` the way a browser sends it: CSRF token,
 * the page it came from as the referrer, no redirect followed.
 */
export function submit(
  client: ApiClient,
  user: User,
  method: 'post' | 'put' | 'delete',
  url: string,
  options: { from?: string; form?: Record<string, string> } = {}
) {
  return client[method](url)
    .form(options.form ?? {})
    .withCsrfToken()
    .loginAs(user)
    .header('referer', options.from ?? '/')
    .redirects(0)
}

export function bountyUrl(id: string) {
  return urlFor('bounties.show', { id })
}

/**
 * The inline errors a form got back, by field.
 */
export function fieldErrors(response: ApiResponse): Record<string, string[]> {
  return (response.flashMessage('inputErrorsBag') ?? {}) as Record<string, string[]>
}

/**
 * A page as `viewer` (a guest when absent) sees it: its HTML, or only its
 * status.
 */
export async function htmlOf(client: ApiClient, url: string, viewer?: User | null) {
  const response = await visit(client, url, viewer)
  return response.text()
}

export async function statusOf(client: ApiClient, url: string, viewer?: User | null) {
  const response = await visit(client, url, viewer)
  return response.status()
}

function visit(client: ApiClient, url: string, viewer?: User | null) {
  const request = client.get(url)
  return viewer ? request.loginAs(viewer) : request
}
