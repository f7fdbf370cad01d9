import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import redis from '@adonisjs/redis/services/main'
import { RedisPresenceStore } from '#services/presence'
import { reachable } from '#tests/helpers/network'

/*
| The Redis presence store that several app processes share (J5): each
| process claims the members whose streams it holds, and a claim lapses
| unless renewed. Two stores with different process ids stand in for two
| processes.
*/
const REDIS_HOST = process.env.REDIS_HOST || '127.0.0.1'
const REDIS_PORT = Number(process.env.REDIS_PORT || 6379)
const redisUp = await reachable(REDIS_HOST, REDIS_PORT)

test.group('Presence store in Redis', (group) => {
  const members: string[] = []
  const someone = () => {
    const id = randomUUID()
    members.push(id)
    return id
  }
  group.teardown(async () => {
    if (!redisUp || members.length === 0) return
    await redis.del(...members.map((id) => `${RedisPresenceStore.PREFIX}${id}`))
    await redis.quit()
  })

  test('a member held by two processes stays online until both let go', async ({ assert }) => {
    const [a, b] = [
      new RedisPresenceStore(randomUUID(), 60_000),
      new RedisPresenceStore(randomUUID(), 60_000),
    ]
    const member = someone()
    const absent = someone()

    await a.add([member])
    await b.add([member])
    assert.deepEqual(await b.online([member, absent]), [member])
    await a.remove(member)
    assert.deepEqual(await a.online([member]), [member])
    await b.remove(member)
    assert.deepEqual(await a.online([member]), [])
  }).skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)

  test('a claim its process stops renewing lapses by itself', async ({ assert }) => {
    const dying = new RedisPresenceStore(randomUUID(), 200)
    const alive = new RedisPresenceStore(randomUUID(), 60_000)
    const member = someone()

    await dying.add([member])
    assert.deepEqual(await alive.online([member]), [member])
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.deepEqual(await alive.online([member]), [])
  }).skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)

  test('a renewed claim outlives its first expiry', async ({ assert }) => {
    const store = new RedisPresenceStore(randomUUID(), 300)
    const member = someone()

    await store.add([member])
    await new Promise((resolve) => setTimeout(resolve, 200))
    await store.add([member])
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepEqual(await store.online([member]), [member])
    assert.deepEqual(await store.online([]), [])
  }).skip(!redisUp, `Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`)
})
