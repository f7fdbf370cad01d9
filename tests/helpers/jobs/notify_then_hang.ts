/*
 * A process that dies between a commit and its mail, for
 * tests/functional/jobs/crash.spec.ts: it boots the app, tells the member
 * whose address is its argument of a tip inside a transaction, and once
 * that commits prints "committed" and hangs before anything relays the
 * mail (its commit hook runs before Notify's). The test then kills it.
 */
import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'

const APP_ROOT = new URL('../../../', import.meta.url)

const app = new Ignitor(APP_ROOT, {
  importer: (filePath: string) =>
    import(filePath.startsWith('.') ? new URL(filePath, APP_ROOT).href : filePath),
})
  .tap((ignited) => ignited.booting(async () => void (await import('#start/env'))))
  .createApp('console')
await app.init()
await app.boot()
await app.start(() => {})

const { default: db } = await import('@adonisjs/lucid/services/db')
const { default: Notify } = await import('#actions/notifications/notify')
const { default: User } = await import('#models/user')

const member = await User.findByOrFail('email', process.argv[2])
setInterval(() => {}, 60_000)
await db.transaction(async (trx) => {
  trx.after('commit', () => {
    process.stdout.write('committed\n')
    return new Promise<void>(() => {})
  })
  await Notify.handle(
    {
      type: 'tip.received',
      recipients: [member],
      actor: null,
      title: 'You received a tip',
      message: 'The treasury tipped you 5.00',
      url: '/wallet',
    },
    trx
  )
})
