import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import pg from 'pg'
import { overrides } from '#overrides/index'
import { assertPinned, preparedOn, withFreshConnection } from '#tests/helpers/overrides'

/**
 * app/overrides/prepared_statements.ts wraps `query` of each `pg` client the
 * pool creates, and names the plain `{ text, values }` configs knex sends.
 * Its behaviour is tested in tests/functional/prepared_statements.spec.ts.
 */
test.group('Override contract: prepared statements (pg)', () => {
  test('pg is installed and pinned at the version the override targets', async ({ assert }) => {
    await assertPinned(assert, overrides.preparedStatements)
  })

  test('pg’s client query keeps its shape: (config, values, callback)', ({ assert }) => {
    const query: Function = pg.Client.prototype.query
    assert.equal(query.length, 3)
  })

  test('in effect: a query sent the way knex sends it becomes a named prepared statement', async ({
    assert,
  }) => {
    const knex = db.connection().getWriteClient()
    await withFreshConnection(async (client) => {
      assert.notStrictEqual(client.query as Function, pg.Client.prototype.query as Function)
      await knex.client._query(client, {
        sql: 'SELECT $1::int AS n /* override contract */',
        bindings: [3],
      })
      const prepared = await preparedOn(client)
      assert.lengthOf(prepared, 1)
      assert.include(prepared[0].statement, 'override contract')
    })
  })
})
