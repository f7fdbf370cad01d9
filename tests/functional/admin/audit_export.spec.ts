import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import ExportAuditLogs from '#actions/admin/export_audit_logs'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { recorded } from '#tests/helpers/admin'

function csvLines(text: string) {
  return text.trim().split('\r\n')
}

test.group('Admin audit log export', (group) => {
  isolateDatabase(group)

  test('exports the filtered entries newest first as CSV with a byte order mark', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const old = await recorded(admin, 'user.role_changed', member.id, '2026-03-01T10:00:00Z')
    const recent = await recorded(admin, 'user.deactivated', member.id, '2026-03-05T23:30:00Z', {
      reason: '=HYPERLINK("http://evil")',
    })
    await recorded(other, 'user.reactivated', member.id, '2026-03-04T10:00:00Z')
    await recorded(admin, 'user.reactivated', admin.id, '2026-03-09T10:00:00Z')

    const response = await client
      .get('/admin/audit/export.csv')
      .qs({ actor: admin.username, subjectType: 'user', subjectId: member.id, to: '2026-03-05' })
      .loginAs(admin)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(response.header('content-disposition') ?? '', /attachment; filename="corps-audit-/)
    assert.equal(response.header('transfer-encoding'), 'chunked')
    assert.isTrue(
      response
        .text()
        .startsWith(
          '\uFEFF"Id","Time (UTC)","Actor","Action","Subject type","Subject id","Data","IP"\r\n'
        )
    )
    const lines = csvLines(response.text())
    assert.lengthOf(lines, 3)
    assert.equal(
      lines[1],
      `"${recent.id}","2026-03-05T23:30:00.000Z","${admin.username}","user.deactivated","user","${member.id}","{""reason"":""=HYPERLINK(\\""http://evil\\"")""}","203.0.113.9"`
    )
    assert.equal(
      lines[2],
      `"${old.id}","2026-03-01T10:00:00.000Z","${admin.username}","user.role_changed","user","${member.id}","{""before"":{""role"":""SLAYER""}}","203.0.113.9"`
    )
  })

  test('cells a spreadsheet would run as a formula are defused', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await db.table('audit_logs').insert({
      actor_id: null,
      action: 'tag.updated',
      subject_type: 'tag',
      subject_id: '=cmd|calc',
      data: JSON.stringify({ name: '=cmd' }),
      ip: '@SUM(1+1)',
    })

    const response = await client.get('/admin/audit/export.csv').loginAs(admin)

    const lines = csvLines(response.text())
    assert.lengthOf(lines, 2)
    assert.isTrue(
      lines[1].endsWith(`"","tag.updated","tag","'=cmd|calc","{""name"":""=cmd""}","'@SUM(1+1)"`)
    )
  })

  test('streams the log in keyset batches, each entry once, newest first', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    // 2,500 entries written by one statement share their time: the id breaks
    // the ties across batch boundaries.
    await db.rawQuery(
      `INSERT INTO audit_logs (actor_id, action, subject_type, subject_id)
       SELECT ?, 'bulk.entry', 'bulk', n::text FROM generate_series(1, 2500) AS n`,
      [admin.id]
    )

    const sizes: number[] = []
    const exported: string[] = []
    for await (const batch of ExportAuditLogs.batches({})) {
      sizes.push(batch.length)
      exported.push(...batch.map((entry) => entry.id))
    }
    const listed = await AuditLog.search({}).select('id', 'actor_id')
    let lines = 0
    for await (const line of ExportAuditLogs.handle({ action: 'bulk.entry' })) {
      lines += line ? 1 : 0
    }

    assert.deepEqual(sizes, [1000, 1000, 500])
    assert.deepEqual(
      exported,
      listed.map((entry) => entry.id)
    )
    assert.equal(lines, 1 + 2500)
  })

  test('filters that are not valid go back to the page, which names them', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client
      .get('/admin/audit/export.csv')
      .qs({ from: '2026-03-05', to: '2026-03-01' })
      .loginAs(admin)
      .redirects(0)
    const page = await client.get(response.header('location')!).loginAs(admin)

    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/audit?from=2026-03-05&to=2026-03-01')
    page.assertStatus(200)
    assert.include(page.text(), 'Some filters are not valid')
  })

  test('the audit log page links to the export with its current filters', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const filtered = await client
      .get('/admin/audit')
      .qs({ action: 'user.deactivated', from: '2026-03-01' })
      .loginAs(admin)
    const invalid = await client.get('/admin/audit').qs({ from: '2026-99-99' }).loginAs(admin)

    assert.include(
      filtered.text(),
      'href="/admin/audit/export.csv?action=user.deactivated&amp;from=2026-03-01"'
    )
    assert.include(invalid.text(), 'href="/admin/audit/export.csv"')
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} gets 403`, async ({ client, assert }) => {
      const admin = await UserFactory.apply('admin').create()
      const caller = await UserFactory.apply(role).create()
      await recorded(admin, 'user.role_changed', caller.id, '2026-03-01T10:00:00Z')

      const response = await client.get('/admin/audit/export.csv').loginAs(caller)

      response.assertStatus(403)
      assert.notInclude(response.text(), 'user.role_changed')
    })
  }
})
