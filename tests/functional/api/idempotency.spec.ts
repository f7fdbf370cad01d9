import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { middleware } from '#start/kernel'
import { DomainError } from '#exceptions/domain_error'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'

/*
 * A stand-in for a money-moving POST, registered only while the suite runs
 * (before the router is committed). It counts how often its body really runs.
 */
const handler = { runs: 0 }
router
  .post('/api/__test__/idempotent', async ({ request, response }) => {
    handler.runs++
    await sleep(Number(request.input('delayMs', 0)))
    if (request.input('crash')) throw new Error('the ledger went away mid-request')
    if (request.input('refuse')) {
      throw new DomainError('INSUFFICIENT_FUNDS', 'Not enough money', { field: 'amount' })
    }
    return response.created({
      success: true,
      data: { run: handler.runs, amount: request.input('amount') },
    })
  })
  .use([middleware.apiAuth(), middleware.idempotency()])

const ENDPOINT = '/api/__test__/idempotent'

test.group('Idempotency-Key', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    handler.runs = 0
  })

  test('without a key every request runs', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()

    await client.post(ENDPOINT).header('authorization', authorization).json({ amount: '5.00' })
    await client.post(ENDPOINT).header('authorization', authorization).json({ amount: '5.00' })

    assert.equal(handler.runs, 2)
  })

  test('the same key and body replays the first response without running again', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const send = () =>
      client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', 'withdraw-7f3a')
        .json({ amount: '5.00', note: { a: 1, b: 2 } })

    const first = await send()
    const second = await client
      .post(ENDPOINT)
      .header('authorization', authorization)
      .header('idempotency-key', 'withdraw-7f3a')
      .json({ note: { b: 2, a: 1 }, amount: '5.00' })
    const third = await send()

    first.assertStatus(201)
    second.assertStatus(201)
    assert.deepEqual(second.body(), first.body())
    assert.deepEqual(third.body(), first.body())
    assert.equal(second.header('idempotent-replayed'), 'true')
    assert.isUndefined(first.header('idempotent-replayed'))
    assert.equal(handler.runs, 1)
  })

  test('the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    await client
      .post(ENDPOINT)
      .header('authorization', authorization)
      .header('idempotency-key', 'k1')
      .json({ amount: '5.00' })

    const response = await client
      .post(ENDPOINT)
      .header('authorization', authorization)
      .header('idempotency-key', 'k1')
      .json({ amount: '500.00' })

    response.assertStatus(422)
    assert.equal(response.body().error.code, 'IDEMPOTENCY_KEY_REUSED')
    assert.equal(response.body().error.details[0].field, 'Idempotency-Key')
    assert.equal(handler.runs, 1)
  })

  test('keys belong to their caller: another member with the same key runs', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const other = await bearerFor(await UserFactory.create())

    for (const caller of [authorization, other]) {
      const response = await client
        .post(ENDPOINT)
        .header('authorization', caller)
        .header('idempotency-key', 'shared')
        .json({ amount: '5.00' })
      response.assertStatus(201)
    }

    assert.equal(handler.runs, 2)
  })

  test('a key older than 24 hours runs again', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const send = () =>
      client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', 'old')
        .json({ amount: '5.00' })
    await send()
    await db
      .from('idempotency_keys')
      .where('user_id', user.id)
      .update({ created_at: db.raw("now() - interval '25 hours'") })

    const response = await send()

    response.assertStatus(201)
    assert.equal(response.body().data.run, 2)
  })

  test('a refused request frees its key for a corrected retry', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const send = (body: Record<string, unknown>) =>
      client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', 'retry-me')
        .json(body)

    const refused = await send({ amount: '5.00', refuse: true })
    const corrected = await send({ amount: '5.00' })

    refused.assertStatus(409)
    corrected.assertStatus(201)
    assert.equal(handler.runs, 2)
  })

  test('a server failure is replayed, never run again', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const send = () =>
      client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', 'unknown-outcome')
        .json({ amount: '5.00', crash: true })

    const first = await send()
    const second = await send()

    first.assertStatus(500)
    second.assertStatus(500)
    assert.equal(second.header('idempotent-replayed'), 'true')
    assert.equal(handler.runs, 1)
  })

  test('while the first request runs, a second with the same key gets 409', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const send = () =>
      client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', 'slow')
        .json({ amount: '5.00', delayMs: 300 })

    const [first, second] = await Promise.all([send(), sleep(50).then(send)])

    first.assertStatus(201)
    second.assertStatus(409)
    assert.equal(second.body().error.code, 'IDEMPOTENCY_REQUEST_IN_PROGRESS')
    assert.equal(handler.runs, 1)
  })

  test('a malformed key answers 422 and runs nothing', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()

    for (const key of ['x'.repeat(256), 'has space', 'ünïcode']) {
      const response = await client
        .post(ENDPOINT)
        .header('authorization', authorization)
        .header('idempotency-key', key)
        .json({ amount: '5.00' })
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, 'Idempotency-Key')
    }
    assert.equal(handler.runs, 0)
  })

  test('the key needs an authenticated caller', async ({ client, assert }) => {
    const response = await client
      .post(ENDPOINT)
      .header('idempotency-key', 'anonymous')
      .json({ amount: '5.00' })

    response.assertStatus(401)
    assert.equal(handler.runs, 0)
  })
})

test.group('Idempotency-Key across database connections', (group) => {
  group.each.setup(() => {
    handler.runs = 0
  })

  test('of many concurrent requests with one key exactly one runs', async ({
    client,
    assert,
    cleanup,
  }) => {
    const user = await UserFactory.create()
    cleanup(async () => {
      await db.from('users').where('id', user.id).delete()
    })
    const authorization = await bearerFor(user)

    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        client
          .post(ENDPOINT)
          .header('authorization', authorization)
          .header('idempotency-key', 'race')
          .json({ amount: '5.00', delayMs: 200 })
      )
    )

    const statuses = responses.map((response) => response.status()).sort()
    assert.equal(handler.runs, 1)
    assert.equal(statuses.filter((status) => status === 201).length >= 1, true)
    assert.isTrue(statuses.every((status) => status === 201 || status === 409))
    const originals = responses.filter(
      (response) => response.status() === 201 && !response.header('idempotent-replayed')
    )
    assert.lengthOf(originals, 1)
  })
})
