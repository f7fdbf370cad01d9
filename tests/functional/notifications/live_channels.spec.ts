import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import transmit from '@adonisjs/transmit/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { liveChannels } from '#services/broadcast'
import { Credentials, EventStream } from '#tests/helpers/live'
import { isolateDatabase } from '#tests/helpers/database'
import { truncateEachTest } from '#tests/helpers/ledger'
import { bountyBy } from './support.js'

test.group('Live channels: who may subscribe', (group) => {
  isolateDatabase(group)

  test('a signed-in member subscribes to their own notifications and receives them', async ({
    assert,
    cleanup,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const stream = await EventStream.open(await Credentials.sessionFor(member))
    cleanup(() => stream.close())

    assert.equal(stream.status, 200)
    assert.equal(await stream.subscribe(liveChannels.notifications(member.id)), 204)

    transmit.broadcast(liveChannels.notifications(member.id), { type: 'ping', n: 1 })
    assert.deepEqual(await stream.next(liveChannels.notifications(member.id)), {
      type: 'ping',
      n: 1,
    })
  })

  test('a member cannot subscribe to another member’s notifications (session)', async ({
    assert,
    cleanup,
  }) => {
    const [member, other] = await UserFactory.apply('verified').createMany(2)
    const stream = await EventStream.open(await Credentials.sessionFor(member))
    cleanup(() => stream.close())

    assert.equal(await stream.subscribe(liveChannels.notifications(other.id)), 400)
    transmit.broadcast(liveChannels.notifications(other.id), { type: 'secret' })
    assert.deepEqual(await stream.received(liveChannels.notifications(other.id)), [])
  })

  test('a Bearer client subscribes to its own channel, never to another’s', async ({
    assert,
    cleanup,
  }) => {
    const [member, other] = await UserFactory.apply('verified').createMany(2)
    const credentials = await Credentials.bearerFor(member)
    const stream = await EventStream.open()
    cleanup(() => stream.close())

    assert.equal(await stream.subscribe(liveChannels.notifications(other.id), credentials), 400)
    assert.equal(await stream.subscribe(liveChannels.notifications(member.id), credentials), 204)
    transmit.broadcast(liveChannels.notifications(member.id), { type: 'hello' })
    assert.deepEqual(await stream.next(liveChannels.notifications(member.id)), { type: 'hello' })
  })

  test('an invalid Bearer token is refused with 401, without falling back to the session', async ({
    assert,
    cleanup,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const session = await Credentials.sessionFor(member)
    const stream = await EventStream.open(session)
    cleanup(() => stream.close())

    const response = await fetch(`${stream.baseUrl}/__transmit/subscribe`, {
      method: 'POST',
      headers: {
        ...session.headers({ 'content-type': 'application/json', 'accept': 'application/json' }),
        authorization: 'Bearer crp_not-a-token',
      },
      body: JSON.stringify({ uid: stream.uid, channel: liveChannels.notifications(member.id) }),
    })
    assert.equal(response.status, 401)
  })

  test('a session subscribe without the XSRF header is refused', async ({ assert, cleanup }) => {
    const member = await UserFactory.apply('verified').create()
    const session = await Credentials.sessionFor(member)
    const stream = await EventStream.open(session)
    cleanup(() => stream.close())

    const headers = session.headers({ 'content-type': 'application/json' })
    delete headers['x-xsrf-token']
    const response = await fetch(`${stream.baseUrl}/__transmit/subscribe`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ uid: stream.uid, channel: liveChannels.notifications(member.id) }),
      redirect: 'manual',
    })
    assert.notEqual(response.status, 204)
    transmit.broadcast(liveChannels.notifications(member.id), { type: 'x' })
    assert.deepEqual(await stream.received(liveChannels.notifications(member.id)), [])
  })

  test('a visitor may follow the board but no member’s notifications', async ({
    assert,
    cleanup,
  }) => {
    const member = await UserFactory.create()
    const stream = await EventStream.open(await Credentials.visitor())
    cleanup(() => stream.close())

    assert.equal(await stream.subscribe(liveChannels.board), 204)
    assert.equal(await stream.subscribe(liveChannels.notifications(member.id)), 400)
  })

  test('channels that do not exist cannot be subscribed to', async ({ assert, cleanup }) => {
    const member = await UserFactory.apply('verified').create()
    const stream = await EventStream.open(await Credentials.sessionFor(member))
    cleanup(() => stream.close())

    assert.equal(await stream.subscribe('anything/else'), 400)
    assert.equal(await stream.subscribe(`users/${member.id}/notifications/extra`), 400)
  })

  test('a bounty channel is open to whoever may see the bounty; a draft only to its author', async ({
    assert,
    cleanup,
  }) => {
    const [poster, member] = await UserFactory.apply('verified').createMany(2)
    const published = await bountyBy(poster)
    const draft = await bountyBy(poster, { draft: true })

    const visitor = await EventStream.open(await Credentials.visitor())
    const memberStream = await EventStream.open(await Credentials.sessionFor(member))
    const posterStream = await EventStream.open(await Credentials.bearerFor(poster))
    cleanup(() => [visitor, memberStream, posterStream].forEach((stream) => stream.close()))

    assert.equal(await visitor.subscribe(liveChannels.bounty(published.id)), 204)
    assert.equal(await visitor.subscribe(liveChannels.bounty(draft.id)), 400)
    assert.equal(await memberStream.subscribe(liveChannels.bounty(draft.id)), 400)
    assert.equal(await posterStream.subscribe(liveChannels.bounty(draft.id)), 204)
  })
})

test.group('Live channels: API clients', (group) => {
  isolateDatabase(group)

  test('a token client’s stream and subscriptions create no session', async ({
    assert,
    cleanup,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const sessionsBefore = await db.from('sessions').count('* as total')
    const stream = await EventStream.open()
    cleanup(() => stream.close())

    assert.equal(
      await stream.subscribe(
        liveChannels.notifications(member.id),
        await Credentials.bearerFor(member)
      ),
      204
    )
    const sessionsAfter = await db.from('sessions').count('* as total')
    assert.deepEqual(sessionsAfter, sessionsBefore)
  })
})

test.group('Live channels: stream ownership', (group) => {
  isolateDatabase(group)

  test('a stream opened by one member cannot be used or taken over by another', async ({
    assert,
    cleanup,
  }) => {
    const [member, intruder] = await UserFactory.apply('verified').createMany(2)
    const stream = await EventStream.open(await Credentials.sessionFor(member))
    cleanup(() => stream.close())
    const intruderSession = await Credentials.sessionFor(intruder)

    assert.equal(await stream.subscribe(liveChannels.board, intruderSession), 400)
    const hijack = await EventStream.open(intruderSession, { uid: stream.uid })
    cleanup(() => hijack.close())
    assert.equal(hijack.status, 409)
    const anonymous = await EventStream.open(Credentials.anonymous(), { uid: stream.uid })
    cleanup(() => anonymous.close())
    assert.equal(anonymous.status, 409)
  })

  test('an anonymous stream belongs to the first member who subscribes on it', async ({
    assert,
    cleanup,
  }) => {
    const [member, intruder] = await UserFactory.apply('verified').createMany(2)
    const stream = await EventStream.open()
    cleanup(() => stream.close())
    const memberToken = await Credentials.bearerFor(member)

    assert.equal(await stream.subscribe(liveChannels.notifications(member.id), memberToken), 204)
    assert.equal(
      await stream.subscribe(liveChannels.board, await Credentials.bearerFor(intruder)),
      400
    )
    const hijack = await EventStream.open(Credentials.anonymous(), { uid: stream.uid })
    cleanup(() => hijack.close())
    assert.equal(hijack.status, 409)
  })

  test('a member reconnecting with their stream id replaces the old stream', async ({
    assert,
    cleanup,
  }) => {
    const member = await UserFactory.apply('verified').create()
    const session = await Credentials.sessionFor(member)
    const first = await EventStream.open(session)
    cleanup(() => first.close())
    assert.equal(await first.subscribe(liveChannels.notifications(member.id)), 204)

    const second = await EventStream.open(session, { uid: first.uid })
    cleanup(() => second.close())
    assert.equal(second.status, 200)
    assert.equal(await second.subscribe(liveChannels.notifications(member.id)), 204)
    transmit.broadcast(liveChannels.notifications(member.id), { type: 'again' })
    assert.deepEqual(await second.next(liveChannels.notifications(member.id)), { type: 'again' })
    assert.deepEqual(await first.received(liveChannels.notifications(member.id), 100), [])
  })

  test('a stream without a usable id is refused with 400', async ({ assert }) => {
    const stream = await EventStream.open(Credentials.anonymous(), { uid: 'x' })
    assert.equal(stream.status, 400)
  })
})

/*
| Outside a global transaction each query takes its own pooled connection,
| so the session written for a test member and the page view that follows
| really run side by side once the pool holds several connections, as two
| browsers' requests would.
*/
test.group('Live channels: sessions with real commits', (group) => {
  truncateEachTest(group)

  test('each member signed in for a stream subscribes as themselves', async ({
    assert,
    cleanup,
  }) => {
    const members = await UserFactory.apply('verified').createMany(8)
    // Opens several pooled connections, so the next queries need not wait for one.
    await Promise.all(members.map(() => db.rawQuery('SELECT pg_sleep(0.05)')))

    for (const member of members) {
      const stream = await EventStream.open(await Credentials.sessionFor(member))
      cleanup(() => stream.close())
      assert.equal(await stream.subscribe(liveChannels.notifications(member.id)), 204)
    }
    const owners = await db.from('sessions').select('user_id')
    assert.deepEqual(
      owners.map((row) => row.user_id).sort(),
      members.map((member) => member.id).sort()
    )
  })
})
