import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { assertAccessible } from '#tests/helpers/axe'
import { isolateDatabase } from '#tests/helpers/database'

test.group('Account journey', (group) => {
  isolateDatabase(group)
  group.each.setup(() => () => mail.restore())

  test('register, confirm the email, log in, edit the profile and log out', async ({
    visit,
    assert,
  }) => {
    const { mails } = mail.fake()

    const page = await visit('/register')
    await assertAccessible(page, assert)
    await page.getByLabel('Username').fill('mitsuri_k')
    await page.getByLabel('Email').fill('mitsuri@example.com')
    await page.getByLabel('Password', { exact: true }).fill('Secret123')
    await page.getByLabel('Confirm password').fill('Secret123')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.assertTextContains('.alert--success', 'Welcome to Corps, mitsuri_k!')
    await page.assertTextContains('.banner', 'Confirm your email address.')

    const [sent] = mails.sent(
      (candidate) => candidate instanceof VerifyEmailNotification
    ) as VerifyEmailNotification[]
    const link = new URL(sent.url)
    await page.goto(link.pathname + link.search)
    await page.assertTextContains('.alert--success', 'your email address is confirmed')
    const registered = await User.findByOrFail('username', 'mitsuri_k')
    assert.isTrue(registered.isVerified)
    assert.equal(await page.locator('.banner').count(), 0)

    await page.locator('.user-menu summary').click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertTextContains('.alert--success', 'You have signed out.')

    await page.getByLabel('Email or username').fill('MITSURI@example.com')
    await page.getByLabel('Password').fill('Secret123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertExists('.user-menu')

    await page.goto('/settings/profile')
    await page.getByLabel('First name').fill('Mitsuri')
    await page.getByLabel('Last name').fill('Kanroji')
    await page.getByLabel('Bio').fill('Love breathing.')
    await page.getByLabel('Website').fill('not a url')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.assertTextContains('#field-website-error', 'Enter a valid URL')
    await page.assertInputValue('#field-bio', 'Love breathing.')
    await assertAccessible(page, assert)
    await page.getByLabel('Website').fill('https://mitsuri.example.com')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.assertTextContains('.alert--success', 'Your profile has been saved.')

    await page.goto('/u/mitsuri_k')
    await page.assertTextContains('h1', 'Mitsuri Kanroji')
    await assertAccessible(page, assert)

    await page.locator('.user-menu summary').click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')
  })

  test('the settings pages pass an accessibility audit', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const user = await User.create({
      username: 'audit_me',
      email: 'audit@example.com',
      password: 'Secret123',
    })
    await user.loadProfileAndSettings()
    await browserContext.loginAs(user)
    const paths = [
      '/settings/account',
      '/settings/security',
      '/settings/sessions',
      '/settings/tokens',
      '/settings/notifications',
      '/settings/danger-zone',
    ]
    const page = await visit(paths[0])
    for (const path of paths) {
      await page.goto(path)
      await assertAccessible(page, assert)
    }
  })

  test('the sign-in pages pass an accessibility audit', async ({ visit, assert }) => {
    const page = await visit('/login')
    await assertAccessible(page, assert)
    for (const path of ['/forgot-password', '/reset-password/unknown-token']) {
      await page.goto(path)
      await assertAccessible(page, assert)
    }
  })
})
