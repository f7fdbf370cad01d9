import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { unlink } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { UserFactory } from '#database/factories/user_factory'
import Notification from '#models/notification'
import NotificationPreference from '#models/notification_preference'
import { capturedMails } from '#services/mail_capture_transport'
import { truncateEachTest } from '#tests/helpers/ledger'
import { reachable } from '#tests/helpers/network'

/*
| The mail of a change whose process is killed (SIGKILL) right after the
| commit, before anything relayed or sent it: a worker started afterwards
| sends it, once, and a worker started after that sends nothing more. Real
| processes on the test database, the `capture` mailer writing tmp/mail/;
| the data must be committed for them to see it, so the group truncates.
| Once with the queue in PostgreSQL, once in Redis when one answers.
*/
const REDIS_HOST = process.env.REDIS_HOST || '127.0.0.1'
const REDIS_PORT = Number(process.env.REDIS_PORT || 6379)
const redisUp = await reachable(REDIS_HOST, REDIS_PORT)
if (!redisUp) {
  console.warn(
    `Skipping the Redis queue crash test: Redis is unreachable at ${REDIS_HOST}:${REDIS_PORT}`
  )
}

type Driver = 'database' | 'redis'

/**
 * A child process with its output collected; `stop` ends it (SIGTERM, or
 * SIGKILL) and waits for its exit.
 */
function run(args: string[], driver: Driver) {
  const child = spawn(process.execPath, args, {
    cwd: app.appRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      MAIL_MAILER: 'capture',
      QUEUE_DRIVER: driver,
      ...(driver === 'redis' ? { REDIS_HOST, REDIS_PORT: String(REDIS_PORT) } : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    async printed(text: string) {
      await until(() => output.includes(text) || child.exitCode !== null, 60_000)
      if (!output.includes(text)) throw new Error(`"${text}" never came:\n${output}`)
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

async function until(done: () => boolean | Promise<boolean>, timeout: number) {
  const deadline = Date.now() + timeout
  while (!(await done()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function mailsTo(address: string) {
  const mails = await capturedMails()
  return mails.filter((captured) => captured.to === address)
}

const worker = (driver: Driver) => run(['ace', 'jobs:work'], driver)

test.group('Jobs: a crash between the commit and the send', (group) => {
  truncateEachTest(group)

  test('the mail goes out exactly once after a restart ({driver})')
    .with<{ driver: Driver }[]>([
      { driver: 'database' },
      ...(redisUp ? [{ driver: 'redis' as const }] : []),
    ])
    .timeout(180_000)
    .run(async ({ assert, cleanup }, { driver }) => {
      const member = await UserFactory.apply('verified').create()
      await NotificationPreference.saveFor(member.id, { 'tip.received': 'email' })
      cleanup(async () => {
        for (const captured of await mailsTo(member.email)) {
          await unlink(app.tmpPath('mail', `${captured.id}.json`))
        }
        if (driver === 'redis') {
          // KEYS takes the full name; DEL adds the connection's prefix.
          const prefix = 'corps::queue::'
          const keys = await redis.connection('queue').keys(`${prefix}*`)
          if (keys.length) {
            await redis.connection('queue').del(keys.map((key) => key.slice(prefix.length)))
          }
          await redis.quit('queue')
        }
      })

      const writer = run(
        ['--import=@poppinss/ts-exec', 'tests/helpers/jobs/notify_then_hang.ts', member.email],
        driver
      )
      cleanup(() => writer.stop('SIGKILL'))
      await writer.printed('committed')
      const notification = await Notification.findByOrFail('user_id', member.id)
      const owed = await db.from('job_outbox').firstOrFail()
      assert.deepEqual(owed.payload, { notificationId: notification.id })
      assert.isNull(owed.relayed_at, 'nothing relayed the mail before the kill')
      await writer.stop('SIGKILL')
      assert.lengthOf(await mailsTo(member.email), 0)

      const first = worker(driver)
      cleanup(() => first.stop('SIGKILL'))
      await until(async () => {
        const mails = await mailsTo(member.email)
        return mails.length > 0
      }, 60_000)
      await until(async () => !(await db.from('job_outbox').first()), 10_000)
      await first.stop()

      const second = worker(driver)
      cleanup(() => second.stop('SIGKILL'))
      await second.printed('Starting worker')
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await second.stop()

      const sent = await mailsTo(member.email)
      assert.lengthOf(sent, 1)
      assert.equal(sent[0].subject, 'You received a tip')
      assert.include(sent[0].text, 'The treasury tipped you 5.00')
      assert.lengthOf(await db.from('job_outbox'), 0)
    })
})
