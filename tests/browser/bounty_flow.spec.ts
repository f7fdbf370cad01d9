import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import { fund } from '#tests/helpers/ledger'
import { signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { PNG } from '#tests/helpers/bounty_pages'

/**
 * The balance in the header, as the page shows it.
 */
async function headerBalance(page: Page) {
  const text = await page.locator('.nav-balance').innerText()
  return text.replace('Wallet balance:', '').trim()
}

test.group('A bounty from posting to payout, in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    drive.fake()
    mail.fake()
    return () => {
      drive.restore()
      mail.restore()
    }
  })

  test('post, claim, submit with a file, request changes, approve: both wallets follow', async ({
    browser,
    assert,
  }) => {
    const [poster, worker] = await UserFactory.apply('verified').createMany(2)
    await fund(poster, '500.00')
    const posterPage = await signedIn(browser, poster)
    const workerPage = await signedIn(browser, worker)

    await posterPage.getByRole('link', { name: 'Post a bounty' }).first().click()
    await assertAccessible(posterPage, assert)
    await posterPage.getByLabel('Title').fill('Write the onboarding guide')
    await posterPage.getByLabel('Description').fill('A **short** guide for new members.')
    await posterPage.getByLabel('Reward per slot').fill('120')
    await posterPage.getByLabel('Tags').fill('writing, onboarding')
    await posterPage.getByRole('button', { name: 'Publish and escrow' }).click()
    await posterPage.assertTextContains('.alert--success', 'Bounty published: 120.00 is held')
    await posterPage.assertTextContains('h1', 'Write the onboarding guide')
    assert.equal(await headerBalance(posterPage), '380.00')
    await assertAccessible(posterPage, assert)

    await workerPage.goto('/')
    await assertAccessible(workerPage, assert)
    await workerPage.getByRole('link', { name: 'Write the onboarding guide' }).click()
    await workerPage.getByRole('button', { name: 'Claim this bounty' }).click()
    await workerPage.assertTextContains('.alert--success', 'It is yours')
    await workerPage.getByLabel('What you did').fill('First draft, with a screenshot.')
    await workerPage.setInputFiles('#field-files', {
      name: 'screenshot.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await workerPage.getByRole('button', { name: 'Submit for review' }).click()
    await workerPage.assertTextContains('.alert--success', 'Work submitted for review.')
    await workerPage.assertTextContains('[data-live-bounty-status]', 'In review')
    await assertAccessible(workerPage, assert)

    await posterPage.reload()
    await posterPage.assertTextContains('.submission', 'screenshot.png')
    await posterPage.getByText('Request changes').click()
    await posterPage.getByLabel('What should change').fill('Please add the team channels.')
    await posterPage.getByRole('button', { name: 'Send back with changes' }).click()
    await posterPage.assertTextContains('.alert--success', 'Changes requested')

    await workerPage.reload()
    await workerPage.assertTextContains('.review-reason', 'Please add the team channels.')
    await workerPage.getByLabel('What you did').fill('Channels added.')
    await workerPage.getByRole('button', { name: 'Submit for review' }).click()
    await workerPage.assertTextContains('.alert--success', 'Work submitted for review.')

    await posterPage.reload()
    posterPage.once('dialog', (dialog) => dialog.accept())
    await posterPage.getByRole('button', { name: 'Approve and pay 120.00' }).click()
    await posterPage.assertTextContains(
      '.alert--success',
      'Work approved: 120.00 paid from escrow.'
    )
    await posterPage.assertTextContains('[data-live-bounty-status]', 'Completed')
    assert.equal(await headerBalance(posterPage), '380.00')

    await workerPage.goto('/wallet')
    assert.equal(await headerBalance(workerPage), '120.00')
    await workerPage.assertTextContains(
      '[aria-labelledby="history-title"] .table',
      'Reward for "Write the onboarding guide"'
    )
    // The balance chart ends at today's balance; its figures open as a table.
    await workerPage.assertTextContains('.chart__grid-label--top', '120.00')
    await workerPage.click('.chart__table summary')
    await workerPage.assertTextContains('.chart__table tbody tr:last-child', '120.00')
    await assertAccessible(workerPage, assert)
    await workerPage.goto('/dashboard')
    await workerPage.assertTextContains('.dashboard', 'Write the onboarding guide')
    await assertAccessible(workerPage, assert)
    await posterPage.goto('/wallet')
    await posterPage.assertTextContains('.stats', '0.00')
  })
})
