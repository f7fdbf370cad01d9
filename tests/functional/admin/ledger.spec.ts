import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import LedgerEntry from '#models/ledger_entry'
import LedgerVerification from '#models/ledger_verification'
import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import ExportLedgerEntries from '#actions/admin/export_ledger_entries'
import DepositFunds from '#actions/treasury/deposit_funds'
import Money from '#ledger/money'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { truncateEachTest } from '#tests/helpers/ledger'

type Member = Awaited<ReturnType<typeof member>>

function deposit(admin: Member, recipient: Member, amount: string, description: string) {
  return DepositFunds.handle(
    { user: admin, ip: null },
    { recipient, amount: Money.parse(amount), description }
  )
}

test.group('Admin ledger explorer', (group) => {
  isolateDatabase(group)

  test('lists entries newest first with their postings, filtered by member and kind', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const [alice, bob] = [await member(), await member()]
    await deposit(admin, alice, '10', 'Grant for Alice')
    await deposit(admin, bob, '20', 'Grant for Bob')
    await postBounty(await funded('300'), { title: 'Escrowed' })

    const all = await client.get('/admin/ledger').loginAs(admin)
    const byAlice = await client.get(`/admin/ledger?member=@${alice.username}`).loginAs(admin)
    const holds = await client.get('/admin/ledger?kind=HOLD').loginAs(admin)

    all.assertStatus(200)
    const [toAlice, toBob] = [`Deposit to @${alice.username}`, `Deposit to @${bob.username}`]
    assert.isAbove(all.text().indexOf(toAlice), all.text().indexOf(toBob))
    assert.isAbove(all.text().indexOf(toBob), -1)
    assert.include(byAlice.text(), toAlice)
    assert.notInclude(byAlice.text(), toBob)
    assert.include(holds.text(), 'Bounty escrow')
    assert.notInclude(holds.text(), toBob)
  })

  test('filters by account code and date range', async ({ client, assert }) => {
    const admin = await member('admin')
    const alice = await member()
    await deposit(admin, alice, '10', 'grant')
    const today = new Date().toISOString().slice(0, 10)
    const shown = `Deposit to @${alice.username}`

    const treasury = await client.get('/admin/ledger?account=treasury').loginAs(admin)
    const shop = await client.get('/admin/ledger?account=shop').loginAs(admin)
    const todays = await client.get(`/admin/ledger?from=${today}&to=${today}`).loginAs(admin)
    const past = await client.get('/admin/ledger?from=2020-01-01&to=2020-01-31').loginAs(admin)

    assert.include(treasury.text(), shown)
    assert.notInclude(shop.text(), shown)
    assert.include(todays.text(), shown)
    assert.notInclude(past.text(), shown)
    past.assertTextIncludes('No journal entry matches these filters')
  })

  test('pages by keyset: "Older" continues after the last entry shown', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    for (let index = 1; index <= 52; index++) {
      await deposit(admin, await member(), '1', 'grant')
    }
    const oldest = await LedgerEntry.query().orderBy('id').firstOrFail()

    const first = await client.get('/admin/ledger').loginAs(admin)
    const next = /href="([^"]*before=(\d+)[^"]*)" rel="next"/.exec(first.text())
    assert.exists(next)
    const second = await client.get(next![1].replaceAll('&amp;', '&')).loginAs(admin)

    const newest = await LedgerEntry.query().orderBy('id', 'desc').firstOrFail()
    assert.include(first.text(), `>#${newest.id}<`)
    assert.notInclude(first.text(), `>#${oldest.id}<`)
    assert.equal(next![2], String(Number(newest.id) - 49))
    assert.include(second.text(), `>#${oldest.id}<`)
    assert.notInclude(second.text(), `>#${newest.id}<`)
    assert.notInclude(second.text(), 'rel="next"')
  })

  test('bad filters are form errors, never a 500', async ({ client }) => {
    const admin = await member('admin')

    const response = await client
      .get('/admin/ledger?from=yesterday&account=DROP%20TABLE&kind=GIFT&before=abc')
      .loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('From: enter a date like 2026-05-01')
    response.assertTextIncludes('Account: enter an account number or a code such as treasury')
    response.assertTextIncludes('Kind: choose one of the listed kinds')
  })

  test('an entry’s page shows its postings and what caused it', async ({ client }) => {
    const admin = await member('admin')
    const alice = await member()
    const line = await deposit(admin, alice, '12.50', 'Conference refund')

    const response = await client.get(`/admin/ledger/${line.entryId}`).loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes(`Journal entry #${line.entryId}`)
    response.assertTextIncludes('Treasury')
    response.assertTextIncludes(`@${alice.username}`)
    response.assertTextIncludes('+12.50')
    response.assertTextIncludes('deposit')
  })

  test('an entry’s page answers 404 for unknown or malformed ids', async ({ client }) => {
    const admin = await member('admin')
    const unknown = await client.get('/admin/ledger/999999999').loginAs(admin)
    const malformed = await client.get('/admin/ledger/abc').loginAs(admin)
    unknown.assertStatus(404)
    malformed.assertStatus(404)
  })

  test('exports entries as CSV, one line per posting, streamed', async ({ client, assert }) => {
    const admin = await member('admin')
    const alice = await member()
    await deposit(admin, alice, '3', 'grant')

    const response = await client
      .get(`/admin/ledger/export.csv?member=${alice.username}`)
      .loginAs(admin)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.equal(response.header('transfer-encoding'), 'chunked')
    assert.notExists(response.header('content-length'))
    const lines = response.text().trim().split('\r\n')
    assert.isTrue(response.text().startsWith('\uFEFF"Entry","Date (UTC)"'))
    assert.lengthOf(lines, 3)
    assert.include(response.text(), `"Deposit to @${alice.username} by @${admin.username}"`)
    assert.include(response.text(), `"${alice.username}","3.00"`)
  })

  test('the export reads entries in keyset batches, never the whole list at once', async ({
    assert,
  }) => {
    const admin = await member('admin')
    const alice = await member()
    await deposit(admin, alice, '1', 'seed')
    const [{ id: entryId }] = await db.from('ledger_entries').select('id').limit(1)
    // 2,500 entries copied from the first (postings included), bypassing the
    // money verbs: enough for three batches of 1,000.
    await db.rawQuery(`SELECT set_config('ledger.applying', 'on', true)`)
    await db.rawQuery(
      `WITH entries AS (
         INSERT INTO ledger_entries (kind, description)
         SELECT 'TRANSFER', 'bulk ' || n FROM generate_series(1, 2500) AS n RETURNING id)
       INSERT INTO ledger_postings (entry_id, account_id, amount)
       SELECT entries.id, posting.account_id, posting.amount
         FROM entries CROSS JOIN ledger_postings AS posting WHERE posting.entry_id = ?`,
      [entryId]
    )
    const sizes: number[] = []
    let previous = Number.POSITIVE_INFINITY
    let ordered = true
    for await (const batch of ExportLedgerEntries.batches({})) {
      sizes.push(batch.length)
      ordered &&= Number(batch[0].id) < previous
      previous = Number(batch[batch.length - 1].id)
    }
    let lines = 0
    for await (const line of ExportLedgerEntries.handle({})) lines += line ? 1 : 0

    assert.deepEqual(sizes, [1000, 1000, 501])
    assert.isTrue(ordered)
    assert.equal(lines, 1 + 2501 * 2)
  })

  test('{role} gets 403 on the explorer, an entry and the export')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client }, { role }) => {
      const caller = await member(role)
      const admin = await member('admin')
      const line = await deposit(admin, caller, '1', 'grant')
      for (const url of [
        '/admin/ledger',
        `/admin/ledger/${line.entryId}`,
        '/admin/ledger/export.csv',
      ]) {
        const response = await client.get(url).loginAs(caller)
        response.assertStatus(403)
      }
    })
})

test.group('Admin ledger check (stored ledger:verify results)', (group) => {
  isolateDatabase(group)

  test('the treasury page shows the last stored result and never runs the check', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')

    const before = await client.get('/admin/treasury').loginAs(admin)
    before.assertTextIncludes('The ledger has not been checked yet')
    assert.lengthOf(await LedgerVerification.all(), 0)

    await RunLedgerVerification.handle({ source: 'command' })
    const after = await client.get('/admin/treasury').loginAs(admin)

    after.assertTextIncludes('Every balance matched its postings')
    after.assertTextIncludes('from the command line')
    assert.lengthOf(await LedgerVerification.all(), 1)
  })

  test('a queued check shows as queued and is not queued twice', async ({ client, assert }) => {
    const admin = await member('admin')
    await LedgerVerification.create({ source: 'admin', requestedById: admin.id })

    const page = await client.get('/admin/treasury').loginAs(admin)
    await RunLedgerVerification.request({ user: admin, ip: null })

    page.assertTextIncludes('A check is queued')
    assert.notInclude(page.text(), 'Verify now')
    assert.lengthOf(await LedgerVerification.all(), 1)
  })

  test('the job stores a failed check with its problems', async ({ client, assert }) => {
    const admin = await member('admin')
    const alice = await member()
    await deposit(admin, alice, '5', 'grant')
    await db.rawQuery(`SELECT set_config('ledger.applying', 'on', true)`)
    await db.rawQuery(`UPDATE ledger_accounts SET balance = balance + 1 WHERE user_id = ?`, [
      alice.id,
    ])
    const queued = await LedgerVerification.create({ source: 'admin', requestedById: admin.id })

    await RunLedgerVerification.handle({ source: 'admin', verificationId: queued.id })
    await queued.refresh()
    const page = await client.get('/admin/treasury').loginAs(admin)

    assert.isFalse(queued.ok)
    assert.equal(queued.problemCount, 1)
    assert.equal(queued.problems[0].check, 'cached_balance')
    page.assertTextIncludes('1 problem found')
  })

  test('{role} cannot ask for a check')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client, assert }, { role }) => {
      const caller = await member(role)
      const response = await client
        .post('/admin/ledger/verifications')
        .withCsrfToken()
        .loginAs(caller)
        .redirects(0)
      response.assertFlashMessage('error', 'Access denied')
      assert.lengthOf(await LedgerVerification.all(), 0)
    })
})

test.group('Admin ledger check (queued through the job)', (group) => {
  truncateEachTest(group)

  test('"Verify now" queues a check, audited, and the worker stores its result', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')

    const response = await client
      .post('/admin/ledger/verifications')
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/treasury')
    const run = await LedgerVerification.query().firstOrFail()
    assert.equal(run.source, 'admin')
    assert.equal(run.requestedById, admin.id)
    // The queue runs jobs inline in tests: the check ran once the request committed.
    assert.isNotNull(run.finishedAt)
    assert.isTrue(run.ok)
    assert.exists(await AuditLog.query().where('action', 'ledger.verification_requested').first())
  })
})
