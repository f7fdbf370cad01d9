import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import pg from 'pg'
import { PREPARED_PER_CONNECTION } from '#overrides/prepared_statements'
import { preparedOn, withFreshConnection } from '#tests/helpers/overrides'

test.group('Prepared statements', () => {
  test('a parameterized query is prepared once per connection and reused', async ({ assert }) => {
    await withFreshConnection(async (client) => {
      const text = 'SELECT $1::int + 1 AS next /* prepared-statements test */'
      assert.lengthOf(await preparedOn(client), 0)

      const first = await client.query({ text, values: [41] })
      const second = await client.query({ text, values: [1] })

      assert.equal(first.rows[0].next, 42)
      assert.equal(second.rows[0].next, 2)
      const after = await preparedOn(client)
      assert.lengthOf(after, 1)
      assert.include(after[0].statement, 'prepared-statements test')
      // Queries without parameters (BEGIN, COMMIT, this one) stay unprepared.
      assert.notInclude(
        after.map(({ statement }) => statement).join('\n'),
        'pg_prepared_statements'
      )
    })
  })

  test('a submittable query (a stream’s cursor) is passed through as it is', async ({ assert }) => {
    await withFreshConnection(async (client) => {
      const submittable = new pg.Query('SELECT $1::int AS n', [5])
      const rows: { n: number }[] = []
      await new Promise<void>((resolve, reject) => {
        submittable.on('row', (row: { n: number }) => rows.push(row))
        submittable.on('end', () => resolve())
        submittable.on('error', reject)
        ;(client as unknown as { query: (query: unknown) => unknown }).query(submittable)
      })
      assert.deepEqual(rows, [{ n: 5 }])
      assert.lengthOf(await preparedOn(client), 0)
    })
  }).timeout(5000)

  test('after a migration changes a statement’s columns, one call fails and the next prepares afresh', async ({
    assert,
  }) => {
    const table = `prepared_probe_${process.pid}`
    await db.rawQuery(`DROP TABLE IF EXISTS ${table}`)
    await db.rawQuery(`CREATE TABLE ${table} (id int PRIMARY KEY, label text)`)
    await db.rawQuery(`INSERT INTO ${table} VALUES (1, 'one')`)
    try {
      await withFreshConnection(async (client) => {
        const read = { text: `SELECT * FROM ${table} WHERE id = $1`, values: [1] }
        const fresh = await client.query(read)
        assert.deepEqual(fresh.rows, [{ id: 1, label: 'one' }])

        await client.query({ text: `ALTER TABLE ${table} ADD COLUMN extra int` })

        const stale = await client.query(read).catch((error) => error)
        assert.equal(stale.code, '0A000')
        const again = await client.query(read)
        assert.deepEqual(again.rows, [{ id: 1, label: 'one', extra: null }])
      })
    } finally {
      await db.rawQuery(`DROP TABLE IF EXISTS ${table}`)
    }
  })

  test('a connection prepares a bounded number of statements', async ({ assert }) => {
    await withFreshConnection(async (client) => {
      for (let index = 0; index <= PREPARED_PER_CONNECTION; index++) {
        await client.query({ text: `SELECT $1::int AS n /* bound ${index} */`, values: [index] })
      }
      const prepared = await preparedOn(client)
      assert.lengthOf(prepared, PREPARED_PER_CONNECTION)
      const last = await client.query({
        text: `SELECT $1::int AS n /* bound ${PREPARED_PER_CONNECTION} */`,
        values: [7],
      })
      assert.equal(last.rows[0].n, 7)
    })
  })
})
