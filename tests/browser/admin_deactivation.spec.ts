import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { INACTIVE_ACCOUNT_MESSAGE } from '#actions/auth/authenticate_user'
import { assertAccessible } from '#tests/helpers/axe'
import { isolateDatabase } from '#tests/helpers/database'
import { signedIn } from '#tests/helpers/browser'

test.group('Admin deactivates a member in the browser', (group) => {
  isolateDatabase(group)

  test('the member’s open session is refused on their next page load', async ({
    browser,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    const memberPage = await signedIn(browser, member)
    const adminPage = await signedIn(browser, admin)

    await adminPage.goto('/admin/users')
    await assertAccessible(adminPage, assert)
    await adminPage.getByLabel('Name, username or email').fill(member.username)
    await adminPage.getByRole('button', { name: 'Search' }).click()
    await adminPage.getByRole('link', { name: `@${member.username}` }).click()
    await assertAccessible(adminPage, assert)
    await adminPage.getByText('Deactivate…').click()
    await adminPage.getByRole('button', { name: `Yes, deactivate @${member.username}` }).click()
    await adminPage.assertTextContains('.alert--success', 'deactivated and signed out everywhere')

    await memberPage.goto('/dashboard')
    assert.match(memberPage.url(), /\/login$/)
    await memberPage.assertTextContains('.alert--error', INACTIVE_ACCOUNT_MESSAGE)
    assert.equal(await memberPage.locator('.user-menu').count(), 0)
  }).timeout(60_000)

  test('the audit log page is accessible', async ({ browser, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await signedIn(browser, admin)

    await page.goto('/admin/audit')
    await assertAccessible(page, assert)
  }).timeout(60_000)
})
