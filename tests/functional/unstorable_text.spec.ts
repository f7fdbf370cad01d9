import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Transaction from '#models/transaction'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { balancesOf, fund } from '#tests/helpers/ledger'

/**
 * PostgreSQL cannot store U+0000, nor a lone UTF-16 surrogate, in text or
 * jsonb: such input must be refused as invalid before anything is written,
 * never end in a database error.
 */
test.group('Input PostgreSQL cannot store', (group) => {
  isolateDatabase(group)

  test('the API refuses a NUL or a lone UTF-16 surrogate with 422 naming the field, and nothing moves', async ({
    client,
    assert,
  }) => {
    const { user: receiver } = await memberWithToken()
    const sender = await UserFactory.apply('verified').create()
    await fund(sender, '50')
    const cases = [
      ['thanks\u0000!', 'Remove the NUL character (U+0000): it cannot be stored'],
      // Valid JSON, yet no character at all: jsonb refuses it.
      ['broken \ud800 text', 'Remove the invalid character (a lone UTF-16 surrogate)'],
    ]

    for (const [message, problem] of cases) {
      const response = await client
        .post('/api/v1/tips')
        .header('authorization', await bearerFor(sender))
        .json({ toUserId: receiver.id, amount: '10.00', message })

      response.assertStatus(422)
      assert.deepEqual(response.body().error.details, [
        { field: 'message', message: problem, rule: 'storableText' },
      ])
    }
    assert.deepEqual(await balancesOf(sender), { balance: '50.00', held: '0.00' })
    assert.deepEqual(await balancesOf(receiver), { balance: '0.00', held: '0.00' })
    assert.lengthOf(await Transaction.query().where('user_id', receiver.id), 0)
  })

  test('nested members are named by their path', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const before = await db.from('bounties').count('* as total')

    const response = await client
      .post('/api/v1/bounties')
      .header('authorization', authorization)
      .json({ title: 'Write the docs', reward: '5', tags: ['docs', 'a\u0000b'] })

    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'tags.1')
    assert.deepEqual(await db.from('bounties').count('* as total'), before)
  })

  test('a page form goes back with the error under the field', async ({ client, assert }) => {
    const [sender, receiver] = await UserFactory.apply('verified').createMany(2)
    await fund(sender, '10')

    const response = await client
      .post('/tips')
      .form({ toUsername: receiver.username, amount: '2', message: 'nul\u0000' })
      .withCsrfToken()
      .loginAs(sender)
      .header('referer', '/tips/new')
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/tips/new')
    response.assertFlashMessage('inputErrorsBag', {
      message: ['Remove the NUL character (U+0000): it cannot be stored'],
    })
    assert.deepEqual(await balancesOf(sender), { balance: '10.00', held: '0.00' })
  })

  test('in a query string: a bad request for pages, a 422 naming it for the API', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    const page = await client.get('/bounties?q=a%00b')
    page.assertStatus(400)
    page.assertTextIncludes('The address is invalid. Remove the NUL character (U+0000)')

    const list = await client.get('/api/v1/bounties?q=a%00b').header('authorization', authorization)
    list.assertStatus(422)
    assert.equal(list.body().error.details[0].field, 'q')
  })

  test('in a route parameter it names nothing: 404', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()

    const page = await client.get('/bounties/a%00b')
    page.assertStatus(404)

    const one = await client.get('/api/v1/bounties/a%00b').header('authorization', authorization)
    one.assertStatus(404)
    assert.equal(one.body().error.code, 'NOT_FOUND')
  })
})
