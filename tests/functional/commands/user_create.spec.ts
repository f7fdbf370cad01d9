import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { FakeMailer } from '@adonisjs/mail'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'
import UserCreate from '#commands/user_create'
import { UserFactory } from '#database/factories/user_factory'

async function runUserCreate(args: string[]) {
  const command = await ace.create(UserCreate, args)
  command.ui.switchMode('raw')
  await command.exec()
  return command
}

test.group('node ace user:create', (group) => {
  let fakeMailer: FakeMailer
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    fakeMailer = mail.fake()
    return () => mail.restore()
  })

  test('creates a verified Leader with profile and settings from flags alone', async ({
    assert,
  }) => {
    assert.isNull(await User.findBy('username', 'kagaya'))
    const command = await runUserCreate([
      '--username=Kagaya',
      '--email=Kagaya@Example.com',
      '--password=Secret123',
      '--role=OYAKATASAMA',
      '--verified',
    ])
    command.assertSucceeded()
    const user = await User.findByOrFail('username', 'kagaya')
    assert.equal(user.email, 'kagaya@example.com')
    assert.equal(user.role, 'OYAKATASAMA')
    assert.isNotNull(user.emailVerifiedAt)
    await user.load('profile')
    await user.load('settings')
    assert.exists(user.profile)
    assert.exists(user.settings)
    fakeMailer.messages.assertNoneSent()
    fakeMailer.messages.assertNoneSent()
  })

  test('an unverified account gets the verification mail and defaults to Member', async ({
    assert,
  }) => {
    const command = await runUserCreate([
      '--username=zenitsu',
      '--email=zenitsu@example.com',
      '--password=Secret123',
    ])
    command.assertSucceeded()
    const user = await User.findByOrFail('username', 'zenitsu')
    assert.equal(user.role, 'SLAYER')
    assert.isNull(user.emailVerifiedAt)
    fakeMailer.mails.assertSent(VerifyEmailNotification, (notification) =>
      notification.message.hasTo('zenitsu@example.com')
    )
  })

  test('refuses a duplicate username or email (any case) and creates nothing', async ({
    assert,
  }) => {
    await UserFactory.merge({ username: 'tanjiro', email: 'tanjiro@example.com' }).create()
    const before = await User.query().count('* as total')

    const byName = await runUserCreate([
      '--username=TANJIRO',
      '--email=other@example.com',
      '--password=Secret123',
    ])
    byName.assertFailed()
    byName.assertLogMatches(/username.*already taken/i)

    const byEmail = await runUserCreate([
      '--username=other',
      '--email=Tanjiro@Example.com',
      '--password=Secret123',
    ])
    byEmail.assertFailed()
    byEmail.assertLogMatches(/email.*already exists/i)

    const after = await User.query().count('* as total')
    assert.equal(after[0].$extras.total, before[0].$extras.total)
  })

  test('refuses bad values with a message per field', async ({ assert }) => {
    const badRole = await runUserCreate([
      '--username=valid_name',
      '--email=valid@example.com',
      '--password=Secret123',
      '--role=EMPEROR',
    ])
    badRole.assertFailed()
    badRole.assertLogMatches(/--role: choose one of OYAKATASAMA, HASHIRA, SLAYER/)

    const badInput = await runUserCreate(['--username=No', '--email=nope', '--password=short'])
    badInput.assertFailed()
    badInput.assertLogMatches(/--username/)
    badInput.assertLogMatches(/--email/)
    badInput.assertLogMatches(/--password/)
    assert.isNull(await User.findBy('username', 'valid_name'))
  })

  test('without a terminal, missing flags are an error rather than a prompt', async () => {
    const command = await runUserCreate(['--username=someone'])
    command.assertFailed()
    command.assertLogMatches(/Missing --email, --password/)
  })
})
