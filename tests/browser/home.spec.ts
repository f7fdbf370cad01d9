import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { fund } from '#tests/helpers/ledger'
import { signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'

test.group('Home page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the board to a visitor', async ({ visit }) => {
    const page = await visit('/')
    await page.assertTextContains('h1', 'Bounty board')
  })

  test('on a phone, every header link and the balance stay on screen', async ({
    browser,
    assert,
  }) => {
    const member = await UserFactory.apply('verified').create()
    // Seven figures, the most one deposit can credit: a wide balance pill.
    await fund(member, '1000000.00')
    const page = await signedIn(browser, member, { width: 320, height: 700 })
    await page.goto('/')
    await page.waitForSelector('.nav-balance')
    assert.include(await page.locator('.nav-balance').innerText(), '1,000,000.00')

    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 700 })
      const outside = await page.locator('.topbar a, .topbar summary').evaluateAll(
        (elements, screen) =>
          elements
            .filter((element) => {
              const box = element.getBoundingClientRect()
              return box.left < 0 || box.right > screen
            })
            .map((element) => element.textContent?.trim()),
        width
      )
      assert.deepEqual(outside, [], `header items cut off at ${width} px`)
    }
    await assertAccessible(page, assert)
  })
})
