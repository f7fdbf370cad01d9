import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import type User from '#models/user'
import UserSession from '#models/user_session'
import LiveAccess from '#services/live_access'
import { liveChannels } from '#services/broadcast'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { bearerFor } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { Credentials, EventStream, serverUrl } from '#tests/helpers/live'
import { teamOf } from '#tests/helpers/teams'

/*
| Access is checked when a stream subscribes and again whenever something
| may close a channel to someone (docs/permissions.md "Live channels"):
| every case drives the real change over HTTP where one exists, against
| real event streams.
*/

async function api(method: string, path: string, authorization: string, body?: unknown) {
  return fetch(`${serverUrl()}/api/v1${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json', 'accept': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

type Cleanup = (callback: () => void) => void

/**
 * A signed-in browser of `user` with its stream open on their
 * notifications, and its forms.
 */
async function browserOf(user: User, cleanup: Cleanup) {
  const credentials = await Credentials.sessionFor(user)
  const stream = await EventStream.open(credentials)
  cleanup(() => stream.close())
  await stream.subscribe(liveChannels.notifications(user.id))
  return {
    credentials,
    stream,
    /**
     * A form post (the XSRF header stands in for the form's hidden field;
     * other methods are spoofed as forms do).
     */
    submit(path: string, form: Record<string, string> = {}, method = 'POST') {
      const spoofed = method === 'POST' ? path : `${path}?_method=${method}`
      return credentials.fetch(`${serverUrl()}${spoofed}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        redirect: 'manual',
      })
    },
  }
}

/**
 * An API client of `user`: a stream opened without credentials, then
 * subscribed to their notifications with a token of its own.
 */
async function apiClientOf(user: User, cleanup: Cleanup) {
  const authorization = await bearerFor(user)
  const stream = await EventStream.open()
  cleanup(() => stream.close())
  const subscribed = await stream.subscribe(
    liveChannels.notifications(user.id),
    Credentials.bearer(authorization.replace('Bearer ', ''))
  )
  if (subscribed !== 204) throw new Error(`The token client could not subscribe (${subscribed})`)
  return { authorization, stream }
}

/**
 * A member with a browser and an API client following their notifications.
 */
async function memberOnline(cleanup: Cleanup) {
  const user = await member()
  return { user, browser: await browserOf(user, cleanup), client: await apiClientOf(user, cleanup) }
}

async function stillDelivers(stream: EventStream, user: User) {
  const channel = liveChannels.notifications(user.id)
  transmit.broadcast(channel, { type: 'probe' })
  const received = await stream.received(channel, 200)
  return received.length > 0
}

test.group('Live access: a bounty a follower may no longer see', (group) => {
  isolateDatabase(group)

  test('becoming team-only stops its channel for those who can no longer see it, at once', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const follower = await member()
    const bounty = await postBounty(poster, { title: 'Open to all' })
    const channel = liveChannels.bounty(bounty.id)

    const posterStream = await EventStream.open(await Credentials.bearerFor(poster))
    const followerStream = await EventStream.open(await Credentials.sessionFor(follower))
    const visitorStream = await EventStream.open(await Credentials.visitor())
    cleanup(() => [posterStream, followerStream, visitorStream].forEach((s) => s.close()))
    for (const stream of [posterStream, followerStream, visitorStream]) {
      assert.equal(await stream.subscribe(channel), 204)
    }

    const team = await teamOf([poster])
    const posterToken = await bearerFor(poster)
    const edit = await api('PUT', `/bounties/${bounty.id}`, posterToken, {
      teamId: team.id,
      description: 'Now for the team only',
    })
    assert.equal(edit.status, 200)
    const updated = await posterStream.next(channel, (m) => m.type === 'bounty.updated')
    assert.equal(updated.bounty.description, 'Now for the team only')

    const comment = await api('POST', `/bounties/${bounty.id}/comments`, posterToken, {
      content: 'Team secret',
    })
    assert.equal(comment.status, 201)
    await posterStream.next(channel, (m) => m.type === 'comment.created')

    assert.deepEqual(await followerStream.received(channel), [])
    assert.deepEqual(await visitorStream.received(channel), [])
    const page = await api('GET', `/bounties/${bounty.id}`, await bearerFor(follower))
    assert.equal(page.status, 404)
    assert.sameMembers(transmit.getSubscribersFor(channel), [posterStream.uid])
    assert.isFalse(await followerStream.ended(50), 'only the channel closes, not the stream')
  })

  test('a message broadcast while followers are re-checked waits, then reaches only those still allowed', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    const channel = liveChannels.bounty(bounty.id)
    const posterStream = await EventStream.open(await Credentials.bearerFor(poster))
    const followerStream = await EventStream.open(await Credentials.bearerFor(await member()))
    cleanup(() => [posterStream, followerStream].forEach((stream) => stream.close()))
    await posterStream.subscribe(channel)
    await followerStream.subscribe(channel)

    const team = await teamOf([poster])
    await db.from('bounties').where('id', bounty.id).update({ team_id: team.id })
    LiveAccess.bountyChanged(bounty.id)
    transmit.broadcast(channel, { type: 'sent.during.the.check' })

    assert.deepEqual(await posterStream.next(channel), { type: 'sent.during.the.check' })
    assert.deepEqual(await followerStream.received(channel), [])
  })

  test('deleting it stops its channel for everyone', async ({ assert, cleanup }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    const channel = liveChannels.bounty(bounty.id)
    const follower = await EventStream.open(await Credentials.bearerFor(await member()))
    cleanup(() => follower.close())
    assert.equal(await follower.subscribe(channel), 204)

    const deletion = await api('DELETE', `/bounties/${bounty.id}`, await bearerFor(poster))
    assert.equal(deletion.status, 200)
    const hidden = await Bounty.findOrFail(bounty.id)
    assert.isNotNull(hidden.deletedAt)

    await waitUntil(() => transmit.getSubscribersFor(channel).length === 0)
    transmit.broadcast(channel, { type: 'late' })
    assert.deepEqual(await follower.received(channel), [])
  })

  test('a draft its author deletes closes their own channel to it', async ({ assert, cleanup }) => {
    const poster = await funded('500.00')
    const draft = await postBounty(poster, { draft: true })
    const channel = liveChannels.bounty(draft.id)
    const stream = await EventStream.open(await Credentials.bearerFor(poster))
    cleanup(() => stream.close())
    assert.equal(await stream.subscribe(channel), 204)

    const deletion = await api('DELETE', `/bounties/${draft.id}`, await bearerFor(poster))
    assert.equal(deletion.status, 200)
    assert.isNull(await Bounty.find(draft.id))
    await waitUntil(() => transmit.getSubscribersFor(channel).length === 0)
  })

  test('a change that keeps everyone able to see it keeps every follower', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const bounty = await postBounty(poster)
    const channel = liveChannels.bounty(bounty.id)
    const follower = await EventStream.open(await Credentials.visitor())
    cleanup(() => follower.close())
    await follower.subscribe(channel)

    const edit = await api('PUT', `/bounties/${bounty.id}`, await bearerFor(poster), {
      title: 'A clearer title',
    })
    assert.equal(edit.status, 200)
    const updated = await follower.next(channel, (m) => m.type === 'bounty.updated')
    assert.equal(updated.bounty.title, 'A clearer title')
  })
})

test.group('Live access: sessions and tokens that end', (group) => {
  isolateDatabase(group)

  test('signing out ends the streams of that browser only', async ({ assert, cleanup }) => {
    const user = await member()
    const signingOut = await browserOf(user, cleanup)
    const staying = await browserOf(user, cleanup)

    const response = await signingOut.submit('/logout')
    assert.equal(response.status, 302)

    assert.isTrue(await signingOut.stream.ended())
    assert.isFalse(await stillDelivers(signingOut.stream, user))
    assert.isTrue(await stillDelivers(staying.stream, user))
  })

  test('"sign out other sessions" ends the other browsers’ streams', async ({
    assert,
    cleanup,
  }) => {
    const user = await member()
    const current = await browserOf(user, cleanup)
    const other = await browserOf(user, cleanup)

    const response = await current.submit('/settings/sessions/others', {}, 'DELETE')
    assert.equal(response.status, 302)

    assert.isTrue(await other.stream.ended())
    assert.isFalse(await current.stream.ended(50))
    assert.isTrue(await stillDelivers(current.stream, user))
  })

  test('ending one session from the sessions page ends its streams', async ({
    assert,
    cleanup,
  }) => {
    const user = await member()
    const current = await browserOf(user, cleanup)
    const other = await browserOf(user, cleanup)
    const sessions = await UserSession.ofUser(user.id)
    const target = sessions.find((row) => !current.credentials.headers().cookie.includes(row.id))
    assert.exists(target)

    const response = await current.submit(`/settings/sessions/${target!.publicId}`, {}, 'DELETE')
    assert.equal(response.status, 302)
    assert.isTrue(await other.stream.ended())
    assert.isTrue(await stillDelivers(current.stream, user))
  })

  test('changing the password ends the other browsers’ streams', async ({ assert, cleanup }) => {
    const user = await member()
    const current = await browserOf(user, cleanup)
    const other = await browserOf(user, cleanup)

    const response = await current.submit(
      '/settings/account/password',
      {
        currentPassword: FACTORY_PASSWORD,
        password: 'An0ther-Secret',
        password_confirmation: 'An0ther-Secret',
      },
      'PUT'
    )
    assert.equal(response.status, 302)
    await user.refresh()
    assert.isTrue(await user.verifyPassword('An0ther-Secret'))

    assert.isTrue(await other.stream.ended())
    assert.isTrue(await stillDelivers(current.stream, user))
  })

  test('revoking an API token ends the streams it subscribed, not those of other tokens', async ({
    assert,
    cleanup,
  }) => {
    const user = await member()
    const revoked = await apiClientOf(user, cleanup)
    const kept = await apiClientOf(user, cleanup)

    const logout = await api('POST', '/auth/logout', revoked.authorization)
    assert.equal(logout.status, 200)

    assert.isTrue(await revoked.stream.ended())
    assert.isTrue(await stillDelivers(kept.stream, user))
  })

  test('revoking a token from the tokens page ends its streams', async ({ assert, cleanup }) => {
    const { user, browser: page, client } = await memberOnline(cleanup)
    const [row] = await db.from('auth_access_tokens').where('tokenable_id', user.id).select('id')

    const response = await page.submit(`/settings/tokens/${row.id}`, {}, 'DELETE')
    assert.equal(response.status, 302)
    assert.isTrue(await client.stream.ended())
    assert.isTrue(await stillDelivers(page.stream, user))
  })
})

test.group('Live access: accounts that close', (group) => {
  isolateDatabase(group)

  test('deleting one’s account ends every stream of it', async ({ assert, cleanup }) => {
    const { user, browser, client } = await memberOnline(cleanup)

    const response = await browser.submit('/settings/account/deletion', {
      password: FACTORY_PASSWORD,
    })
    assert.equal(response.status, 302)
    await user.refresh()
    assert.isNotNull(user.deletedAt)

    assert.isTrue(await browser.stream.ended())
    assert.isTrue(await client.stream.ended())
  })

  test('a deactivated member’s streams end even while a session or token remains', async ({
    assert,
    cleanup,
  }) => {
    const { user, browser, client } = await memberOnline(cleanup)

    await db.from('users').where('id', user.id).update({ is_active: false })
    LiveAccess.memberChanged(user.id)

    assert.isTrue(await browser.stream.ended())
    assert.isTrue(await client.stream.ended())
  })

  test('a Leader deactivating a member ends every stream of theirs at once', async ({
    assert,
    cleanup,
  }) => {
    const { user, browser, client } = await memberOnline(cleanup)
    const leader = await browserOf(await UserFactory.apply('admin').create(), cleanup)

    const response = await leader.submit(
      `/admin/users/${user.id}/activation`,
      { active: 'false' },
      'PUT'
    )
    assert.equal(response.status, 302)

    assert.isTrue(await browser.stream.ended())
    assert.isTrue(await client.stream.ended())
  })

  test('a re-check that finds nothing changed keeps the member’s streams', async ({
    assert,
    cleanup,
  }) => {
    const { user, browser, client } = await memberOnline(cleanup)

    LiveAccess.memberChanged(user.id)
    assert.isFalse(await browser.stream.ended(200))
    assert.isTrue(await stillDelivers(browser.stream, user))
    assert.isTrue(await stillDelivers(client.stream, user))
  })
})

async function waitUntil(condition: () => boolean, timeout = 3000) {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The condition never held')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
