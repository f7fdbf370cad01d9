import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { Locator } from '@adonisjs/queue'
import type { BaseCommand } from '@adonisjs/core/ace'
import { UserFactory } from '#database/factories/user_factory'
import NotificationPreference from '#models/notification_preference'
import Notify from '#actions/notifications/notify'
import ChangePassword from '#actions/users/change_password'
import AccountMailJob from '#jobs/account_mail_job'
import NotificationMail from '#mails/notification_mail'
import PasswordChangedNotification from '#mails/password_changed_notification'
import NotificationDigestMail from '#mails/notification_digest_mail'
import SendNotificationDigests from '#actions/notifications/send_notification_digests'
import Outbox, { OUTBOX_TABLE, OutboxJob } from '#services/outbox'
import JobsFailed from '#commands/jobs_failed'
import JobsRetry from '#commands/jobs_retry'
import { isolateDatabase } from '#tests/helpers/database'
import { truncateEachTest } from '#tests/helpers/ledger'
import type User from '#models/user'

/**
 * A job that fails its first `failures` runs, then succeeds: an SMTP
 * server that refuses for a while. Tests run jobs inline (the `sync`
 * driver), retries included.
 */
class FlakyJob extends OutboxJob<{ label: string }> {
  static options = { name: 'FlakyJob' }
  static failures = 0
  static runs: string[] = []

  async handle({ label }: { label: string }) {
    FlakyJob.runs.push(label)
    if (FlakyJob.failures-- > 0) throw new Error(`SMTP said no to ${label}`)
  }
}
Locator.register('FlakyJob', FlakyJob)

function flaky(failures: number) {
  FlakyJob.failures = failures
  FlakyJob.runs = []
}

async function runCommand(command: typeof BaseCommand, args: string[] = []) {
  const instance = await ace.create(command, args)
  instance.ui.switchMode('raw')
  await instance.exec()
  return instance
}

async function failedJobs() {
  const command = await runCommand(JobsFailed, ['--json'])
  return command.logger.getLogs().map(({ message }) => JSON.parse(message))
}

const owed = () => db.from(OUTBOX_TABLE)

const tipFor = (recipient: User) => ({
  type: 'tip.received' as const,
  recipients: [recipient],
  actor: null,
  title: 'You received a tip',
  message: 'The treasury tipped you 5.00',
})

test.group('Jobs: the outbox', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    flaky(0)
    return () => mail.restore()
  })

  test('a mail owed by a change that rolls back is neither kept nor sent', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    await NotificationPreference.saveFor(member.id, { 'tip.received': 'email' })

    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await Notify.handle(tipFor(member), trx)
        assert.lengthOf(await trx.from(OUTBOX_TABLE), 1, 'owed inside the transaction')
        throw new Error('the change fails after the notice')
      })
    )

    assert.lengthOf(await owed(), 0)
    mails.assertNoneSent()
  })

  test('a mail owed by a change is sent once it commits, and its row goes', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    await NotificationPreference.saveFor(member.id, { 'tip.received': 'email' })

    await db.transaction(async (trx) => {
      await Notify.handle(tipFor(member), trx)
      mails.assertNoneSent()
    })

    mails.assertSentCount(NotificationMail, 1)
    assert.lengthOf(await owed(), 0)
  })

  test('a password change owes its mail in the same transaction', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').merge({ password: 'Secret123' }).create()

    await ChangePassword.handle(member, { currentPassword: 'Secret123', password: 'Secret456' })

    mails.assertSent(PasswordChangedNotification, ({ message }) => message.hasTo(member.email))
    assert.lengthOf(await owed(), 0)
  })

  test('a job delivered again after it ran does nothing', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    const id = await AccountMailJob.push({ mail: 'password_changed', userId: member.id })
    mails.assertSentCount(PasswordChangedNotification, 1)

    await AccountMailJob.dispatch({ outboxId: id } as never).run()
    await Outbox.relay([id])

    mails.assertSentCount(PasswordChangedNotification, 1)
    assert.lengthOf(await owed(), 0)
  })

  test('a job that keeps failing is retried, listed by jobs:failed, and runs again after jobs:retry', async ({
    assert,
  }) => {
    flaky(100)
    const id = await Outbox.push('FlakyJob', { label: 'the welcome mail' })

    assert.lengthOf(FlakyJob.runs, 6, 'the first run and five retries')
    const [row] = await owed()
    assert.equal(row.id, id)
    assert.isNotNull(row.failed_at)
    assert.equal(row.error, 'SMTP said no to the welcome mail')
    assert.containsSubset(await failedJobs(), [
      { id, job: 'FlakyJob', payload: { label: 'the welcome mail' }, error: row.error },
    ])

    await Outbox.relay()
    assert.lengthOf(FlakyJob.runs, 6, 'the relay leaves failed jobs alone')

    flaky(0)
    const retried = await runCommand(JobsRetry, [id])
    retried.assertSucceeded()
    retried.assertLog('[ blue(info) ] Requeued 1 job(s)')
    assert.deepEqual(FlakyJob.runs, ['the welcome mail'])
    assert.lengthOf(await owed(), 0)
    assert.deepEqual(await failedJobs(), [])
  })

  test('a scheduled run that fails is listed and retried like the others', async ({ assert }) => {
    flaky(100)
    await FlakyJob.dispatch({ label: 'the nightly run' }).run()

    const [failed] = await failedJobs()
    assert.containsSubset(failed, {
      job: 'FlakyJob',
      payload: { label: 'the nightly run' },
      error: 'SMTP said no to the nightly run',
    })

    flaky(0)
    const retried = await runCommand(JobsRetry, ['--all'])
    retried.assertSucceeded()
    assert.deepEqual(FlakyJob.runs, ['the nightly run'])
    assert.lengthOf(await owed(), 0)
  })

  test('jobs:retry wants failed job ids or --all, not both, not neither', async ({ assert }) => {
    flaky(100)
    const id = await Outbox.push('FlakyJob', { label: 'kept' })
    const pending = await db
      .table(OUTBOX_TABLE)
      .insert({ job: 'FlakyJob', payload: JSON.stringify({ label: 'not failed' }) })
      .returning('id')

    for (const args of [[], ['--all', id], ['not-an-id'], [pending[0].id]]) {
      const command = await runCommand(JobsRetry, args)
      assert.equal(command.exitCode, 1, args.join(' '))
    }
    const kept = await owed().where('id', id).firstOrFail()
    assert.equal(kept.error, 'SMTP said no to kept')
  })
})

test.group('Jobs: the outbox under real concurrency', (group) => {
  truncateEachTest(group)
  group.each.setup(() => () => mail.restore())

  test('two deliveries of one job at the same time send one mail', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    const [row] = await db
      .table(OUTBOX_TABLE)
      .insert({
        job: 'AccountMailJob',
        payload: JSON.stringify({ mail: 'password_changed', userId: member.id }),
      })
      .returning('id')

    await Promise.all(
      [1, 2].map(() => AccountMailJob.dispatch({ outboxId: row.id } as never).run())
    )

    mails.assertSentCount(PasswordChangedNotification, 1)
    assert.lengthOf(await owed(), 0)
  })
  test('two digest runs at once owe each member one digest', async ({ assert }) => {
    const { mails } = mail.fake()
    const member = await UserFactory.apply('verified').create()
    await Notify.handle({
      type: 'comment.created',
      recipients: [member],
      actor: null,
      title: 'A comment you missed',
      message: 'A comment you missed — details',
    })

    const since = DateTime.now().minus({ hours: 1 })
    const runs = await Promise.all([1, 2].map(() => SendNotificationDigests.handle({ since })))

    assert.sameMembers(
      runs.map(({ members }) => members),
      [0, 1]
    )
    mails.assertSentCount(NotificationDigestMail, 1)
    assert.lengthOf(await owed(), 0)
  })
})
