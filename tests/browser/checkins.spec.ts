import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { urlFor } from '@adonisjs/core/services/url_builder'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

/**
 * Answers whose score is `score` (with care at 1).
 */
function scoring(score: number) {
  const sum = score + 1
  const productive = Math.ceil(sum / 3)
  const satisfied = Math.ceil((sum - productive) / 2)
  return { productive, satisfied, body: sum - productive - satisfied, care: 1 }
}

test.group('Weekly check-in in the browser', (group) => {
  isolateDatabase(group)

  test('a member checks in by keyboard alone on a phone', async ({ browser, assert }) => {
    const user = await member()
    const teammate = await member()
    const team = await teamWith(
      [
        [user, 'MEMBER'],
        [teammate, 'MEMBER'],
      ],
      { name: 'Mist' }
    )
    await checkInRow(
      team,
      teammate,
      { productive: 6, satisfied: 6, body: 6, care: 3 },
      {
        weekStart: CheckIn.weekStartOf('UTC'),
        note: 'Steady week',
      }
    )
    const page = await signedIn(browser, user, PHONE)
    await page.goto(urlFor('team_checkins.index', { id: team.id }))
    await assertAccessible(page, assert)
    assert.isFalse(await overflowsSideways(page))

    // Each scale is one radio group: focus its first option, arrow to the answer.
    for (const [name, presses] of [
      ['productive', 7],
      ['satisfied', 6],
      ['body', 5],
      ['care', 8],
    ] as const) {
      await page.locator(`#checkin-${name}-1`).focus()
      for (let press = 0; press < presses; press++) await page.keyboard.press('ArrowRight')
    }
    await page.getByLabel('Note').focus()
    await page.keyboard.type('Keyboard only')
    await page.getByRole('button', { name: 'Check in' }).focus()
    await Promise.all([page.waitForURL('**/checkins'), page.keyboard.press('Enter')])

    await page.assertTextContains('.alert--success', 'Checked in for this week')
    const [stored] = await CheckIn.query().where('user_id', user.id)
    assert.deepInclude(stored.serialize(), { productive: 8, satisfied: 7, body: 6, care: 9 })
    assert.equal(stored.score, 12)
    assert.equal(stored.note, 'Keyboard only')
    assert.isFalse(await overflowsSideways(page))
  })

  test('the page with trends does not scroll sideways at desktop width', async ({
    browser,
    assert,
  }) => {
    const user = await member()
    const teammate = await member()
    const team = await teamWith([
      [user, 'MEMBER'],
      [teammate, 'MEMBER'],
    ])
    const thisWeek = DateTime.fromISO(CheckIn.weekStartOf('UTC'))
    for (const [ago, mine, theirs] of [
      [5, 4, 10],
      [4, 7, 12],
      [2, 9, 15],
      [1, 12, 14],
      [0, 15, 18],
    ]) {
      const weekStart = thisWeek.minus({ weeks: ago }).toISODate()!
      await checkInRow(team, user, scoring(mine), { weekStart })
      await checkInRow(team, teammate, scoring(theirs), {
        weekStart,
        isPrivate: ago === 0,
      })
    }
    const page = await signedIn(browser, user, DESKTOP)
    await page.goto(urlFor('team_checkins.index', { id: team.id }))
    await assertAccessible(page, assert)
    await page.screenshot({ path: '/tmp/checkin-desktop.png', fullPage: true })
    assert.isFalse(await overflowsSideways(page))
    assert.equal(await page.locator('.trends__line').count(), 2)
    await page.setViewportSize(PHONE)
    await page.screenshot({ path: '/tmp/checkin-phone2.png', fullPage: true })
    assert.isFalse(await overflowsSideways(page))
  })
})
