import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { fund } from '#tests/helpers/ledger'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { postBounty } from '#tests/helpers/bounties'
import { teamOf } from '#tests/helpers/teams'

test.group('Team board', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a member’s team board and the bounty form fit a phone and pass axe', async ({
    browser,
    assert,
  }) => {
    const poster = await UserFactory.apply('verified').create()
    await fund(poster, '500.00')
    const team = await teamOf([poster], { name: 'Night shift of the eastern district' })
    await postBounty(poster, { title: 'Rotate the night keys', teamId: team.id })

    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const page = await signedIn(browser, poster, viewport)
      await page.goto(`/bounties?teamId=${team.id}`)
      await page.waitForSelector('h1')
      assert.include(await page.locator('h1').innerText(), 'Night shift of the eastern district')
      await page
        .getByLabel('New bounties of Night shift of the eastern district')
        .selectOption('watching')
      await assertAccessible(page, assert)
      assert.isFalse(await overflowsSideways(page), `no horizontal scroll at ${viewport.width} px`)
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/team-board-${viewport.width}.png`,
          fullPage: true,
        })
      }

      await page.goto(`/bounties/new?teamId=${team.id}`)
      assert.equal(await page.getByLabel('Team').inputValue(), team.id)
      await assertAccessible(page, assert)
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/bounty-form-${viewport.width}.png`,
          fullPage: true,
        })
      }
      await page.context().close()
    }
  })
})
