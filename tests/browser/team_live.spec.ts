import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import type Team from '#models/team'
import type User from '#models/user'
import { broadcastTeamEvent, liveChannels } from '#services/broadcast'
import { openLive, signedIn } from '#tests/helpers/browser'
import { serverUrl } from '#tests/helpers/live'
import { addToTeam, checkInRow, teamOf } from '#tests/helpers/teams'

/*
| public/js/team_live.js against its contract (the hooks listed at its top),
| in Chromium, over the real event stream. The page is a fixture served at
| the app's own origin by the browser itself, so the scripts, the session
| cookie and the stream are the app's; the team page (/teams/:id) carries
| the same hooks and its own browser test.
*/

const FIXTURE_PATH = '/__fixtures/team-live'

function fixture(team: Team, members: User[]) {
  const rows = members
    .map(
      (user) => `<li>${user.username}
        <span data-presence-user-id="${user.id}"><span data-presence-label>offline</span></span>
      </li>`
    )
    .join('')
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Team</title>
<link rel="stylesheet" href="/css/app.css">
<script type="module" src="/js/live.js"></script></head>
<body><main data-team-live="${team.id}">
  <h1 data-team-name>${team.name}</h1>
  <p><span data-team-member-count>${members.length}</span> members</p>
  <ul>${rows}</ul>
  <ol id="team-activity"><li>Older activity</li></ol>
</main></body></html>`
}

/**
 * Opens the fixture for `team` and waits until both team channels are
 * subscribed.
 */
async function openTeamFixture(page: Page, team: Team, members: User[]) {
  await page.route(`${serverUrl()}${FIXTURE_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: fixture(team, members) })
  )
  await openLive(page, FIXTURE_PATH, [
    liveChannels.team(team.id),
    liveChannels.teamPresence(team.id),
  ])
}

test.group('Team page, live (team_live.js)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a teammate’s check-in appears on an open team page and is announced', async ({
    browser,
    assert,
  }) => {
    const [viewer, teammate] = await UserFactory.apply('verified').createMany(2)
    const team = await teamOf([viewer, teammate])
    const page = await signedIn(browser, viewer)
    await openTeamFixture(page, team, [viewer, teammate])
    await page.evaluate('window.stillTheSamePage = true')

    const checkIn = await checkInRow(
      team,
      teammate,
      { productive: 9, satisfied: 7, body: 7, care: 3 },
      { weekStart: '2026-11-30' }
    )
    broadcastTeamEvent(team.id, {
      type: 'checkin.created',
      checkIn: {
        id: checkIn.id,
        user: { id: teammate.id, username: teammate.username },
        score: 20,
      },
    })

    const expected = `${teammate.username} checked in · score 20`
    await page.assertTextContains('#team-activity li:first-child', expected)
    await page.assertTextContains('[data-team-announcer]', expected)
    assert.equal(await page.getAttribute('[data-team-announcer]', 'aria-live'), 'polite')
    assert.equal(await page.locator('#team-activity li').count(), 2)
    assert.isTrue(await page.evaluate('window.stillTheSamePage === true'))
  })

  test('a teammate who opens Corps shows as online, and as offline once gone', async ({
    browser,
  }) => {
    const [viewer, teammate] = await UserFactory.apply('verified').createMany(2)
    const team = await teamOf([viewer, teammate])
    const page = await signedIn(browser, viewer)
    await openTeamFixture(page, team, [viewer, teammate])
    const marker = `[data-presence-user-id="${teammate.id}"]`
    await page.waitForSelector(`[data-presence-user-id="${viewer.id}"].is-online`)
    await page.assertTextContains(marker, 'offline')

    const theirs = await signedIn(browser, teammate)
    await page.waitForSelector(`${marker}.is-online`)
    await page.assertTextContains(`${marker} [data-presence-label]`, 'online')

    await theirs.context().close()
    await page.waitForSelector(`${marker}:not(.is-online)`, { timeout: 10_000 })
    await page.assertTextContains(marker, 'offline')
  })

  test('joins, leaves and a new name update the page', async ({ browser }) => {
    const [viewer, joiner] = await UserFactory.apply('verified').createMany(2)
    const team = await teamOf([viewer])
    const page = await signedIn(browser, viewer)
    await openTeamFixture(page, team, [viewer])

    await addToTeam(team.id, joiner)
    broadcastTeamEvent(team.id, {
      type: 'member.joined',
      user: { id: joiner.id, username: joiner.username },
    })
    await page.assertTextContains('#team-activity li:first-child', `${joiner.username} joined`)
    await page.assertText('[data-team-member-count]', '2')

    broadcastTeamEvent(team.id, {
      type: 'member.left',
      user: { id: joiner.id, username: joiner.username },
    })
    await page.assertTextContains('#team-activity li:first-child', `${joiner.username} left`)
    await page.assertText('[data-team-member-count]', '1')

    broadcastTeamEvent(team.id, { type: 'team.updated', team: { id: team.id, name: 'Day Shift' } })
    await page.assertText('[data-team-name]', 'Day Shift')
  })
})

test.group('Team page, live, end to end', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('one member checks in and a teammate’s open team page shows it without a reload', async ({
    browser,
    assert,
  }) => {
    const [viewer, author] = await UserFactory.apply('verified').createMany(2)
    const team = await teamOf([viewer, author], { name: 'Mist' })

    const teamPage = await signedIn(browser, viewer)
    await openLive(teamPage, urlFor('teams.show', { id: team.id }), [liveChannels.team(team.id)])
    await teamPage.evaluate('window.stillTheSamePage = true')

    const form = await signedIn(browser, author)
    await form.goto(urlFor('team_checkins.index', { id: team.id }))
    for (const [name, answer] of [
      ['productive', 8],
      ['satisfied', 7],
      ['body', 6],
      ['care', 9],
    ] as const) {
      await form.locator(`label[for="checkin-${name}-${answer}"]`).click()
    }
    await Promise.all([
      form.waitForURL('**/checkins'),
      form.getByRole('button', { name: 'Check in' }).click(),
    ])

    const expected = `${author.username} checked in · score 12`
    await teamPage.assertTextContains('#team-activity li:first-child', expected)
    await teamPage.assertTextContains('[data-team-announcer]', expected)
    await teamPage.assertExists(`[data-presence-user-id="${author.id}"].is-online`)
    assert.isTrue(await teamPage.evaluate('window.stillTheSamePage === true'))
  })
})
