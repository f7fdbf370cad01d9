import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#models/user'
import ExportUsers from '#actions/admin/export_users'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { MEMBER_SORTS } from '#validators/admin'

function csvLines(text: string) {
  return text.trim().split('\r\n')
}

test.group('Admin members export', (group) => {
  isolateDatabase(group)

  test('exports the filtered members as CSV with a byte order mark, formulas defused', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const pillar = await UserFactory.apply('pillar')
      .merge({ firstName: '=cmd', lastName: '|calc', lastLoginAt: DateTime.now() })
      .create()
    const other = await UserFactory.apply('pillar').apply('inactive').create()
    const slayer = await UserFactory.create()

    const response = await client
      .get('/admin/users/export.csv')
      .qs({ role: 'HASHIRA', active: 'true' })
      .loginAs(admin)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename="corps-members-/
    )
    assert.equal(response.header('transfer-encoding'), 'chunked')
    assert.isTrue(
      response
        .text()
        .startsWith(
          '\uFEFF"Id","Username","Email","Name","Role","Active","Email verified","Joined (UTC)","Last sign-in (UTC)"\r\n'
        )
    )
    const lines = csvLines(response.text())
    assert.lengthOf(lines, 2)
    assert.isTrue(
      lines[1].startsWith(
        `"${pillar.id}","${pillar.username}","${pillar.email}","'=cmd |calc","HASHIRA","yes","yes","${pillar.createdAt.toUTC().toISO()}","${pillar.lastLoginAt!.toUTC().toISO()}"`
      )
    )
    assert.notInclude(response.text(), other.username)
    assert.notInclude(response.text(), slayer.username)
  })

  test('keeps the list’s search, verification filter and order', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').merge({ username: 'mmm_admin' }).create()
    const late = await UserFactory.merge({ username: 'zzz_found', firstName: 'Kanao' }).create()
    const early = await UserFactory.merge({ username: 'aaa_found', lastName: 'Kanao' }).create()
    const verified = await UserFactory.apply('verified').merge({ firstName: 'Kanao' }).create()

    const response = await client
      .get('/admin/users/export.csv')
      .qs({ q: 'kanao', verified: 'false', sort: 'username' })
      .loginAs(admin)

    const lines = csvLines(response.text())
    assert.lengthOf(lines, 3)
    assert.isTrue(lines[1].startsWith(`"${early.id}","aaa_found"`))
    assert.isTrue(lines[2].startsWith(`"${late.id}","zzz_found"`))
    assert.include(lines[2], '"no"')
    assert.notInclude(response.text(), verified.username)
    assert.notInclude(response.text(), admin.username)
  })

  test('streams every order in keyset batches, each member once, as the list orders them', async ({
    assert,
  }) => {
    // 2,500 members written by one statement share their creation time, and
    // sign-in times repeat or are missing, so every order has ties the id
    // must break across batch boundaries.
    await db.rawQuery(
      `INSERT INTO users (username, email, password, last_login_at)
       SELECT 'bulk_' || n, 'bulk_' || n || '@example.test', 'x',
              CASE WHEN n % 3 = 0 THEN NULL ELSE now() - (n % 4) * interval '1 day' END
         FROM generate_series(1, 2500) AS n`
    )

    for (const sort of MEMBER_SORTS) {
      const sizes: number[] = []
      const exported: string[] = []
      for await (const batch of ExportUsers.batches({ sort })) {
        sizes.push(batch.length)
        exported.push(...batch.map((member) => member.id))
      }
      const listed = await User.directory({ sort }).select('id')

      assert.deepEqual(sizes, [1000, 1000, 500], sort)
      assert.deepEqual(
        exported,
        listed.map((member) => member.id),
        sort
      )
    }
    let lines = 0
    for await (const line of ExportUsers.handle({})) lines += line ? 1 : 0
    assert.equal(lines, 1 + 2500)
  })

  test('filters that are not valid go back to the list, which names them', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client
      .get('/admin/users/export.csv')
      .qs({ role: 'EMPEROR', sort: 'age' })
      .loginAs(admin)
      .redirects(0)
    const list = await client.get(response.header('location')!).loginAs(admin)

    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/users?role=EMPEROR&sort=age')
    list.assertStatus(200)
    assert.include(list.text(), 'Some filters are not valid')
  })

  test('the members list links to the export with its current filters', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const filtered = await client
      .get('/admin/users')
      .qs({ role: 'HASHIRA', q: 'kan' })
      .loginAs(admin)
    const invalid = await client.get('/admin/users').qs({ role: 'EMPEROR' }).loginAs(admin)

    assert.include(filtered.text(), 'href="/admin/users/export.csv?q=kan&amp;role=HASHIRA"')
    // The page lists everyone when a filter is not valid, and so does its export.
    assert.include(invalid.text(), 'href="/admin/users/export.csv"')
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} gets 403`, async ({ client, assert }) => {
      const caller = await UserFactory.apply(role).create()

      const response = await client.get('/admin/users/export.csv').loginAs(caller)

      response.assertStatus(403)
      assert.notInclude(response.text(), caller.email)
    })
  }
})
