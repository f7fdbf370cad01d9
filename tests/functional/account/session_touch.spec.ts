import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function expiryOf(sessionId: string) {
  const row = await db.from('sessions').where('id', sessionId).firstOrFail()
  return new Date(row.expires_at).getTime()
}

/**
 * A page as a browser asks for it again: only its cookie (the test client's
 * session helper would write the session itself before each request).
 */
function visit(cookie: string) {
  return fetch(`http://${env.get('HOST')}:${env.get('PORT')}${urlFor('home')}`, {
    headers: { cookie },
  })
}

test.group('Session expiry', () => {
  test('every page pushes an unchanged session’s expiry two hours ahead', async ({
    client,
    assert,
  }) => {
    const first = await client.get(urlFor('home'))
    const sessionId = first.cookie('corps-session')!.value
    const cookie = ([] as string[])
      .concat(first.header('set-cookie') ?? [])
      .map((line) => line.split(';')[0])
      .join('; ')
    await db
      .from('sessions')
      .where('id', sessionId)
      .update({ expires_at: new Date(Date.now() + 3_600_000) })

    const later = await visit(cookie)
    assert.equal(later.status, 200)
    assert.closeTo(await expiryOf(sessionId), Date.now() + 2 * 3_600_000, 5000)
  })

  test('a session that changed is written at once', async ({ client, assert }) => {
    const first = await client.get(urlFor('session.create'))
    const sessionId = first.cookie('corps-session')!.value
    await db
      .from('sessions')
      .where('id', sessionId)
      .update({ expires_at: new Date(Date.now() + 60_000) })

    // A failed sign-in flashes an error: the session data changes.
    await client
      .post(urlFor('session.store'))
      .inSessionOf(first)
      .form({ uid: 'nobody', password: 'wrong-password' })
      .withCsrfToken()
      .redirects(0)
    assert.closeTo(await expiryOf(sessionId), Date.now() + 2 * 3_600_000, 5000)
  })
})
