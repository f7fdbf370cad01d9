import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { urlFor } from '@adonisjs/core/services/url_builder'
import ApproveWork from '#actions/bounties/approve_work'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty, workedOn } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

/**
 * A member with six weeks of check-ins whose care keeps rising, a teammate,
 * and a bounty they completed and were paid for.
 */
async function memberWithHistory() {
  const [user, teammate, poster] = await Promise.all([member(), member(), funded('500.00')])
  const team = await teamWith(
    [
      [user, 'ADMIN'],
      [teammate, 'MEMBER'],
    ],
    { name: 'Mist' }
  )
  for (let ago = 5; ago >= 0; ago--) {
    const weekStart = DateTime.fromISO(CheckIn.weekStartOf('UTC'))
      .minus({ weeks: ago })
      .toISODate()!
    await checkInRow(
      team,
      user,
      { productive: 8 - (ago % 2), satisfied: 7, body: 6, care: 7 - ago },
      { weekStart }
    )
    await checkInRow(
      team,
      teammate,
      { productive: 6, satisfied: 5, body: 4 + (ago % 3), care: 3 },
      { weekStart }
    )
  }
  const done = await workedOn(poster, user, 'submitted')
  await ApproveWork.handle(poster, done, {})
  await postBounty(poster, { title: 'Another one' })
  return { user, team }
}

test.group('Analytics in the browser', (group) => {
  isolateDatabase(group)

  for (const [name, viewport] of [
    ['a desktop', DESKTOP],
    ['a phone', PHONE],
  ] as const) {
    test(`the analytics page reads on ${name}: charts, tables and insights, accessible`, async ({
      browser,
      assert,
    }) => {
      const { user } = await memberWithHistory()
      const page = await signedIn(browser, user, viewport)
      await page.goto(urlFor('dashboard.show'))
      if (viewport === DESKTOP) {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Analytics' })
          .click()
      } else {
        await page.goto(urlFor('analytics.show'))
      }

      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor()
      await assertAccessible(page, assert)
      assert.isFalse(await overflowsSideways(page))
      assert.include(
        await page.locator('.insights').innerText(),
        'Your care score has risen five weeks in a row (from 2 to 7).'
      )
      const answers = page.locator('#answers-title').locator('..')
      await answers.getByText('Show as a table').click()
      assert.equal(
        await answers.getByRole('table').getByRole('row').count(),
        13,
        'a heading row and twelve weeks'
      )
      await page.getByLabel('Range').selectOption('4')
      await page.getByRole('button', { name: 'Show' }).click()
      await page
        .getByText('Bounties published and completed per week, last 4 weeks')
        .first()
        .waitFor({ state: 'attached' })
    })
  }
})
