import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * Signs in through the real login form (not `loginAs`), so the session row,
 * its tag and the remember-me cookie are the ones a browser would get.
 * Continue the session with `.inSessionOf(response)`.
 */
export function signIn(
  client: ApiClient,
  user: User,
  options: { password?: string; remember?: boolean; userAgent?: string } = {}
) {
  return client
    .post(urlFor('session.store'))
    .header(
      'user-agent',
      options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36'
    )
    .form({
      uid: user.username,
      password: options.password ?? FACTORY_PASSWORD,
      ...(options.remember ? { remember: 'true' } : {}),
    })
    .withCsrfToken()
    .redirects(0)
}

/**
 * Number of rows in a table, for before/after checks.
 */
export async function countRows(table: string, where: Record<string, unknown> = {}) {
  const [row] = await db.from(table).where(where).count('* as total')
  return Number(row.total)
}
