import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import UserSession from '#models/user_session'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows, signIn } from '#tests/helpers/accounts'
import type User from '#models/user'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * Another browser of the member: a tagged session row and its remember-me
 * token, as TrackSessionMiddleware leaves them.
 */
async function otherBrowser(
  user: User,
  userAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1'
) {
  const [token] = await db
    .table('remember_me_tokens')
    .insert({
      tokenable_id: user.id,
      hash: randomUUID(),
      created_at: new Date(),
      updated_at: new Date(),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning('id')
  const id = randomUUID()
  await UserSession.record({
    id,
    userId: user.id,
    ipAddress: '203.0.113.9',
    userAgent,
    rememberMeTokenId: token.id,
    ttlSeconds: 7200,
  })
  return UserSession.findOrFail(id)
}

test.group('Sessions page', (group) => {
  isolateDatabase(group)

  test('lists the devices, marks this browser and hides session ids', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const other = await otherBrowser(user)
    const login = await signIn(client, user)
    const response = await client.get(urlFor('user_sessions.index')).inSessionOf(login)
    response.assertStatus(200)
    response.assertTextIncludes('Chrome on Linux')
    response.assertTextIncludes('This browser')
    response.assertTextIncludes('Safari on iOS')
    response.assertTextIncludes('203.0.113.9')
    assert.notInclude(response.text(), other.id)
    assert.notInclude(response.text(), login.cookie('corps-session')!.value)
    assert.include(response.text(), `/settings/sessions/${other.publicId}`)
  })

  test('signs out another browser, remember-me token included', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const other = await otherBrowser(user)
    const login = await signIn(client, user)
    assert.equal(await countRows('sessions', { user_id: user.id }), 2)

    const response = await client
      .delete(urlFor('user_sessions.destroy', { id: other.publicId }))
      .inSessionOf(login)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings/sessions')
    response.assertFlashMessage('success', 'Signed out Safari on iOS.')
    assert.isNull(await UserSession.find(other.id))
    assert.isNull(await db.from('remember_me_tokens').where('id', other.rememberMeTokenId!).first())
    assert.equal(await countRows('sessions', { user_id: user.id }), 1)
  })

  test("another member's session cannot be signed out", async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const victim = await otherBrowser(owner)
    const intruder = await UserFactory.create()
    const response = await client
      .delete(urlFor('user_sessions.destroy', { id: victim.publicId }))
      .loginAs(intruder)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'That session has already ended.')
    assert.isNotNull(await UserSession.find(victim.id))
    assert.isNotNull(
      await db.from('remember_me_tokens').where('id', victim.rememberMeTokenId!).first()
    )
  })

  test('this browser is not ended from the list (that is "Log out")', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const login = await signIn(client, user)
    const current = await UserSession.findOrFail(login.cookie('corps-session')!.value)
    const response = await client
      .delete(urlFor('user_sessions.destroy', { id: current.publicId }))
      .inSessionOf(login)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'That session has already ended.')
    assert.isNotNull(await UserSession.find(current.id))
  })

  test('signs out every other browser and keeps this one', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const stranger = await UserFactory.create()
    const strangerSession = await otherBrowser(stranger)
    await otherBrowser(user)
    await otherBrowser(user, 'curl/8.5.0')
    const login = await signIn(client, user, { remember: true })
    const mine = login.cookie('corps-session')!.value
    await client
      .get(urlFor('home'))
      .inSessionOf(login)
      .withEncryptedCookie('remember_web', login.cookie('remember_web')!.value)
    const kept = await UserSession.findOrFail(mine)
    assert.isNotNull(kept.rememberMeTokenId)

    const response = await client
      .delete(urlFor('other_sessions.destroy'))
      .inSessionOf(login)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Every other session has been signed out.')
    const left = await db.from('sessions').where('user_id', user.id)
    assert.deepEqual(
      left.map((row) => row.id),
      [mine]
    )
    const tokens = await db.from('remember_me_tokens').where('tokenable_id', user.id)
    assert.deepEqual(
      tokens.map((row) => row.id),
      [kept.rememberMeTokenId]
    )
    assert.isNotNull(await UserSession.find(strangerSession.id))
  })

  test('device details are written at most once a minute', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const login = await signIn(client, user)
    const id = login.cookie('corps-session')!.value
    const past = new Date(Date.now() - 30_000)
    await db.from('sessions').where('id', id).update({ last_seen_at: past })

    await client.get(urlFor('home')).inSessionOf(login)
    const row = await db.from('sessions').where('id', id).firstOrFail()
    assert.equal(new Date(row.last_seen_at).getTime(), past.getTime())
  })

  test('the page needs a signed-in member', async ({ client }) => {
    const response = await client.get(urlFor('user_sessions.index')).redirects(0)
    response.assertHeader('location', '/login')
  })
})
