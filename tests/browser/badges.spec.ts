import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import { openLive, overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { funded, workedOn } from '#tests/helpers/bounties'

/**
 * Fits 1280 and 390 px without sideways scrolling; with SCREENSHOTS=<dir>
 * each width is also saved there to be looked at.
 */
async function assertFitsBothWidths(page: Page, name: string, assert: { isFalse: Function }) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    if (process.env.SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.SCREENSHOTS}/${name}_${width}.png`,
        fullPage: true,
      })
    }
    assert.isFalse(await overflowsSideways(page), `${name} scrolls sideways at ${width} px`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test.group('Badges in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a member watching their dashboard sees the badge toast when their first work is approved', async ({
    browser,
    assert,
  }) => {
    const poster = await funded('500.00')
    const worker = await UserFactory.apply('verified').create()
    const bounty = await workedOn(poster, worker, 'submitted')
    const workerPage = await signedIn(browser, worker)
    const posterPage = await signedIn(browser, poster)

    await openLive(workerPage, '/dashboard')
    await workerPage.assertTextContains('[aria-labelledby="progress-title"]', 'No badges yet')
    await workerPage.evaluate('window.stillTheSamePage = true')

    await posterPage.goto(`/bounties/${bounty.id}`)
    posterPage.once('dialog', (dialog) => dialog.accept())
    await posterPage.getByRole('button', { name: 'Approve and pay 100.00' }).click()
    await posterPage.assertTextContains('.alert--success', 'Work approved')

    const badgeToast = workerPage.locator('.toast', {
      hasText: 'You earned the “First bounty” badge',
    })
    await badgeToast.waitFor()
    assert.include(await badgeToast.innerText(), 'Completed a first bounty')
    assert.isTrue(await workerPage.evaluate('window.stillTheSamePage === true'))
    await assertAccessible(workerPage, assert)
    const held = await db.from('member_badges').where('user_id', worker.id).count('* as total')
    assert.equal(Number(held[0].total), 1)
  })

  test('a Leader defines a badge and grants it through the pages; the member sees it arrive', async ({
    browser,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    const memberPage = await signedIn(browser, member)
    const adminPage = await signedIn(browser, admin, { width: 1280, height: 900 })
    await openLive(memberPage, '/dashboard')

    await adminPage.goto('/admin/taxonomy')
    await adminPage.getByRole('link', { name: 'Badges', exact: true }).click()
    await adminPage.getByLabel('Code').fill('helping_hand')
    await adminPage.getByLabel('Name').fill('Helping hand')
    await adminPage.getByLabel('Criteria').fill('Helped another member out of a tight spot.')
    await adminPage.getByRole('button', { name: 'Create badge' }).click()
    await adminPage.assertTextContains('.alert--success', 'Badge “Helping hand” created')

    await adminPage.getByLabel('Member’s username').fill(member.username)
    await adminPage.getByRole('button', { name: 'Grant “Helping hand”' }).click()
    await adminPage.assertTextContains(
      '.alert--success',
      `@${member.username} now holds “Helping hand” and has been told.`
    )
    await adminPage.assertTextContains('#holders-title', 'Holders (1)')
    await memberPage.assertTextContains('.toast', 'You earned the “Helping hand” badge')

    await assertAccessible(adminPage, assert)
    await assertFitsBothWidths(adminPage, 'admin_badge', assert)
    await adminPage.goto('/admin/badges')
    await assertAccessible(adminPage, assert)
    await assertFitsBothWidths(adminPage, 'admin_badges', assert)

    await adminPage.getByRole('link', { name: 'Helping hand' }).click()
    await adminPage.getByText('Revoke…').click()
    await adminPage.getByRole('button', { name: `Yes, revoke from @${member.username}` }).click()
    await adminPage.assertTextContains('.alert--success', `taken back from @${member.username}`)
    await adminPage.assertTextContains('#holders-title', 'Holders (0)')
  })
})
