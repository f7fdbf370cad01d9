import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { freePort, reachable } from '#tests/helpers/network'
import app from '@adonisjs/core/services/app'
import { liveChannels } from '#services/broadcast'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { truncateEachTest } from '#tests/helpers/ledger'
import { Credentials, EventStream, serverUrl } from '#tests/helpers/live'
import { teamOf } from '#tests/helpers/teams'

/*
| Two app processes behind an imaginary load balancer, sharing Redis (J5):
| a member's stream lives on process A while the action that notifies them
| is handled by process B. Their data must be committed for the other
| processes to see it, so this group truncates instead of rolling back.
*/
const REDIS_HOST = process.env.REDIS_HOST || '127.0.0.1'
const REDIS_PORT = Number(process.env.REDIS_PORT || 6379)
const [portA, portB] = await Promise.all([freePort(), freePort()])
const PORTS = { a: portA, b: portB }

const redisUp = await reachable(REDIS_HOST, REDIS_PORT)
if (!redisUp) {
  console.warn(
    `Skipping the two-process Redis test: Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`
  )
}

/**
 * `node bin/server.ts` as a separate process with the Redis transport on.
 */
async function startAppProcess(port: number) {
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: app.appRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      REDIS_HOST,
      REDIS_PORT: String(REDIS_PORT),
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const alive = await fetch(`${serverUrl(port)}/health/live`).catch(() => null)
    if (alive?.ok) return child
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`The app process on port ${port} did not start`)
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/**
 * An API call to process B.
 */
function throughB(method: string, path: string, authorization: string, body?: unknown) {
  return fetch(`${serverUrl(PORTS.b)}/api/v1${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

test.group('Scale-out: two app processes sharing Redis', (group) => {
  let processes: ChildProcess[] = []
  truncateEachTest(group)
  group.setup(async () => {
    if (redisUp) processes = await Promise.all([startAppProcess(PORTS.a), startAppProcess(PORTS.b)])
  })
  group.teardown(async () => {
    await Promise.all(processes.map(stop))
  })

  test('a client connected to process A receives a notification caused through process B', async ({
    assert,
    cleanup,
  }) => {
    const sender = await funded('50.00')
    const recipient = await member()
    const onA = await EventStream.open(await Credentials.bearerFor(recipient), {
      baseUrl: serverUrl(PORTS.a),
    })
    cleanup(() => onA.close())
    assert.equal(onA.status, 200)
    assert.equal(await onA.subscribe(liveChannels.notifications(recipient.id)), 204)

    const tip = await throughB('POST', '/tips', await bearerFor(sender), {
      toUserId: recipient.id,
      amount: '5.00',
      message: 'From B',
    })
    assert.equal(tip.status, 201)

    const event = await onA.next(liveChannels.notifications(recipient.id))
    assert.equal(event.type, 'notification')
    assert.equal(event.notification.type, 'tip.received')
    assert.equal(event.notification.message, 'From B')
    assert.equal(event.unreadCount, 1)
    assert.deepEqual(await onA.received(liveChannels.notifications(recipient.id), 500), [])
  })
    .skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)
    .timeout(60_000)

  test('a bounty made team-only through process B stops its channel on process A at once', async ({
    assert,
    cleanup,
  }) => {
    const poster = await funded('500.00')
    const follower = await member()
    const bounty = await postBounty(poster)
    const channel = liveChannels.bounty(bounty.id)
    const onA = { baseUrl: serverUrl(PORTS.a) }
    const posterOnA = await EventStream.open(await Credentials.bearerFor(poster), onA)
    const followerOnA = await EventStream.open(await Credentials.bearerFor(follower), onA)
    cleanup(() => [posterOnA, followerOnA].forEach((stream) => stream.close()))
    assert.equal(await posterOnA.subscribe(channel), 204)
    assert.equal(await followerOnA.subscribe(channel), 204)

    const team = await teamOf([poster])
    const posterToken = await bearerFor(poster)
    const edit = await throughB('PUT', `/bounties/${bounty.id}`, posterToken, {
      teamId: team.id,
      description: 'Team only from now on',
    })
    assert.equal(edit.status, 200)
    const comment = await throughB('POST', `/bounties/${bounty.id}/comments`, posterToken, {
      content: 'Secret',
    })
    assert.equal(comment.status, 201)

    await posterOnA.next(channel, (message) => message.type === 'comment.created', 5000)
    assert.deepEqual(await followerOnA.received(channel), [])
  })
    .skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)
    .timeout(60_000)

  test('a token revoked through process B ends the stream it subscribed on process A', async ({
    assert,
    cleanup,
  }) => {
    const user = await member()
    const authorization = await bearerFor(user)
    const onA = await EventStream.open(Credentials.anonymous(), { baseUrl: serverUrl(PORTS.a) })
    cleanup(() => onA.close())
    const token = Credentials.bearer(authorization.replace('Bearer ', ''))
    assert.equal(await onA.subscribe(liveChannels.notifications(user.id), token), 204)

    const logout = await throughB('POST', '/auth/logout', authorization)
    assert.equal(logout.status, 200)
    assert.isTrue(await onA.ended(5000))
  })
    .skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)
    .timeout(60_000)

  test('a team’s presence shows who has a stream open on either process', async ({
    assert,
    cleanup,
  }) => {
    const [watcher, teammate] = await Promise.all([member(), member()])
    const team = await teamOf([watcher, teammate])
    const channel = liveChannels.teamPresence(team.id)
    const both = [watcher.id, teammate.id].sort()
    const onA = { baseUrl: serverUrl(PORTS.a) }
    const teammateOnA = await EventStream.open(await Credentials.bearerFor(teammate), onA)
    const watcherOnB = await EventStream.open(await Credentials.bearerFor(watcher), {
      baseUrl: serverUrl(PORTS.b),
    })
    cleanup(() => [teammateOnA, watcherOnB].forEach((stream) => stream.close()))

    assert.equal(await watcherOnB.subscribe(channel), 204)
    assert.deepEqual(await watcherOnB.next(channel, undefined, 5000), {
      type: 'presence',
      online: both,
    })

    teammateOnA.close()
    await watcherOnB.next(channel, (payload) => payload.online.join() === watcher.id, 8000)

    const again = await EventStream.open(await Credentials.bearerFor(teammate), onA)
    cleanup(() => again.close())
    await watcherOnB.next(channel, (payload) => payload.online.join() === both.join(), 5000)
  })
    .skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)
    .timeout(60_000)
})
