import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { TagFactory } from '#database/factories/tag_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import DepositFunds from '#actions/treasury/deposit_funds'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import ClaimBounty from '#actions/bounties/claim_bounty'
import Money from '#ledger/money'
import LedgerEntry from '#models/ledger_entry'
import { signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { postBounty } from '#tests/helpers/bounties'

const PAGES = [
  '/admin',
  '/admin/bounties',
  '/admin/treasury',
  '/admin/withdrawals',
  '/admin/ledger',
  '/admin/taxonomy',
]

test.group('Admin console at desktop and phone widths', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every page fits a 390 px phone without sideways scrolling and passes axe', async ({
    browser,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    await DepositFunds.handle(
      { user: admin, ip: null },
      { recipient: member, amount: Money.parse('1250.75'), description: 'A long grant description' }
    )
    await RequestWithdrawal.handle(member, { amount: Money.parse('40') })
    const bounty = await postBounty(member, {
      title: 'A bounty with a rather long title that must wrap on a phone screen',
      tags: ['design', 'typescript'],
    })
    await ClaimBounty.handle(await UserFactory.apply('verified').create(), bounty)
    await TagFactory.createMany(3)
    await CategoryFactory.createMany(2)
    await RunLedgerVerification.handle({ source: 'command' })
    const entry = await LedgerEntry.query().orderBy('id', 'desc').firstOrFail()

    const page = await signedIn(browser, admin, { width: 1280, height: 900 })
    for (const url of [...PAGES, `/admin/ledger/${entry.id}`]) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 })
        const response = await page.goto(url)
        assert.equal(response?.status(), 200, url)
        const overflow = await page
          .locator('html')
          .evaluate((root) => root.scrollWidth - root.clientWidth)
        if (process.env.ADMIN_SCREENSHOTS) {
          const name = url.replace(/\W+/g, '_')
          await page.screenshot({ path: `tmp/screens/${name}_${width}.png`, fullPage: true })
        }
        assert.isAtMost(overflow, 0, `${url} scrolls sideways at ${width} px`)
      }
      await assertAccessible(page, assert)
    }
  })
})
