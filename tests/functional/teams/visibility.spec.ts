import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { ApiClient } from '@japa/api-client'
import Bounty from '#models/bounty'
import type Team from '#models/team'
import type User from '#models/user'
import AddComment from '#actions/bounties/add_comment'
import ApproveWork from '#actions/bounties/approve_work'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { bountyUrl, cardTitles, htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'

/*
| Team-only bounties on the pages (F2): the team board, the bounty page and
| its discussion, the bounty form's Team field, and the wallet. Every leak
| is checked for an outsider and for a former member (who posted, worked
| on or commented on the bounty, then left the team).
*/

const FORM = {
  title: 'Write the release notes',
  description: 'For **version 2**.',
  bountyAmount: '20.00',
  maxCompletions: '1',
  estimatedHours: '',
  priority: 'MEDIUM',
  category: '',
  deadline: '',
  tags: '',
  claimWindowDays: '7',
}

async function teamBoard() {
  const poster = await funded('1000.00')
  const [teammate, former, outsider] = [await member(), await member(), await member()]
  const team = await teamOf([poster, teammate, former], { name: 'Night shift' })
  const bounty = await postBounty(poster, {
    title: 'Rotate the night keys',
    description: 'The vault code changes tonight.',
    teamId: team.id,
  })
  await postBounty(poster, { title: 'Oil the vault door', teamId: team.id })
  await postBounty(poster, { title: 'Open to everyone', description: 'The vault is public.' })
  await AddComment.handle(former, bounty, { content: 'Secret plan inside' })
  await removeFromTeam(team.id, former)
  return { poster, teammate, former, outsider, team, bounty }
}

function pageAs(client: ApiClient, url: string, viewer: User | null) {
  const request = client.get(url)
  return viewer ? request.loginAs(viewer) : request
}

function boardOf(team: Team, query: Record<string, string> = {}) {
  return urlFor('bounties.index', {}, { qs: { teamId: team.id, ...query } })
}

test.group('Team board page', (group) => {
  isolateDatabase(group)

  test('shows a member the team’s bounties under the team’s name, with search and filters', async ({
    client,
    assert,
  }) => {
    const { teammate, team } = await teamBoard()
    const html = await htmlOf(client, boardOf(team), teammate)
    assert.include(html, '<h1>Night shift board</h1>')
    assert.include(html, 'Team only')
    assert.sameMembers(cardTitles(html), ['Rotate the night keys', 'Oil the vault door'])
    assert.include(html, `data-live-board="teams/${team.id}"`)
    assert.include(html, `name="teamId" value="${team.id}"`)
    const postHere = urlFor('bounties.create', {}, { qs: { teamId: team.id } })
    assert.include(html, `href="${postHere}"`)
    const form = await htmlOf(client, postHere, teammate)
    assert.include(form, `<option value="${team.id}" selected>Night shift</option>`)

    const searched = await htmlOf(client, boardOf(team, { q: 'vault code' }), teammate)
    assert.deepEqual(cardTitles(searched), ['Rotate the night keys'])
    const sorted = await htmlOf(
      client,
      boardOf(team, { sort: 'reward', status: 'AVAILABLE' }),
      teammate
    )
    assert.sameMembers(cardTitles(sorted), ['Rotate the night keys', 'Oil the vault door'])
  })

  test('the whole board shows a member their team’s bounties beside everyone’s', async ({
    client,
    assert,
  }) => {
    const { teammate, outsider, former, team } = await teamBoard()
    const all = ['Rotate the night keys', 'Oil the vault door', 'Open to everyone']
    const home = await htmlOf(client, urlFor('home'), teammate)
    assert.sameMembers(cardTitles(home), all)
    assert.include(home, `data-live-board="board teams/${team.id}"`)
    assert.include(await htmlOf(client, urlFor('home'), outsider), 'data-live-board="board"')
    for (const stranger of [outsider, former, null]) {
      const html = await htmlOf(
        client,
        urlFor('bounties.index', {}, { qs: { q: 'vault' } }),
        stranger
      )
      assert.deepEqual(cardTitles(html), ['Open to everyone'])
    }
  })

  test('is a 404 without the team’s name for outsiders, former members and guests; Leaders see it', async ({
    client,
    assert,
  }) => {
    const { outsider, former, team } = await teamBoard()
    for (const stranger of [outsider, former, null]) {
      const response = await pageAs(client, boardOf(team), stranger)
      response.assertStatus(404)
      assert.notInclude(response.text(), 'Night shift')
      assert.notInclude(response.text(), 'Rotate the night keys')
    }
    assert.equal(await statusOf(client, boardOf(team), await member('admin')), 200)
  })
})

test.group('Team bounty page', (group) => {
  isolateDatabase(group)

  test('its page, discussion and timeline are a 404 to outsiders and former members', async ({
    client,
    assert,
  }) => {
    const { bounty, teammate, outsider, former, team } = await teamBoard()
    const forMember = await htmlOf(client, bountyUrl(bounty.id), teammate)
    assert.include(forMember, 'Secret plan inside')
    assert.include(forMember, 'Only Night shift')
    assert.include(forMember, `href="${boardOf(team)}">Night shift board</a>`)
    for (const stranger of [outsider, former, null]) {
      const response = await pageAs(client, bountyUrl(bounty.id), stranger)
      response.assertStatus(404)
      assert.notInclude(response.text(), 'Secret plan inside')
      assert.notInclude(response.text(), 'Rotate the night keys')
    }
  })

  test('outsiders and former members cannot comment through the page form', async ({
    client,
    assert,
  }) => {
    const { bounty, outsider, former } = await teamBoard()
    const before = await bounty.related('comments').query()
    for (const stranger of [outsider, former]) {
      const response = await submit(
        client,
        stranger,
        'post',
        urlFor('bounty_comments.store', { id: bounty.id }),
        { form: { content: 'Let me in' } }
      )
      response.assertStatus(404)
    }
    const after = await bounty.related('comments').query()
    assert.equal(after.length, before.length)
  })
})

test.group('Posting into a team from the form', (group) => {
  isolateDatabase(group)

  test('the Team field lists the poster’s teams after “Everyone”', async ({ client, assert }) => {
    const poster = await funded('100.00')
    await teamOf([poster], { name: 'Night shift' })
    await teamOf([await member()], { name: 'Day shift' })
    const html = await htmlOf(client, urlFor('bounties.create'), poster)
    assert.match(html, /<label for="field-teamId">Team<\/label>/)
    assert.include(html, '<option value="" selected>Everyone</option>')
    assert.include(html, 'Night shift')
    assert.notInclude(html, 'Day shift')
  })

  test('a member posts into their team; another team’s id is refused and nothing is saved', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const mine = await teamOf([poster], { name: 'Night shift' })
    const theirs = await teamOf([await member()], { name: 'Day shift' })

    const refused = await submit(client, poster, 'post', urlFor('bounties.store'), {
      from: urlFor('bounties.create'),
      form: { ...FORM, teamId: theirs.id },
    })
    refused.assertFlashMessage('error', 'Only members of a team can post bounties into it')
    assert.lengthOf(await Bounty.query().where('created_by', poster.id), 0)

    const posted = await submit(client, poster, 'post', urlFor('bounties.store'), {
      form: { ...FORM, teamId: mine.id },
    })
    posted.assertStatus(302)
    const saved = await Bounty.query().where('created_by', poster.id).firstOrFail()
    assert.equal(saved.teamId, mine.id)

    const everyone = await submit(client, poster, 'post', urlFor('bounties.store'), {
      form: { ...FORM, title: 'For all', teamId: '' },
    })
    everyone.assertStatus(302)
    const open = await Bounty.query().where('title', 'For all').firstOrFail()
    assert.isNull(open.teamId)
  })
})

test.group('Team bounties in the wallet', (group) => {
  isolateDatabase(group)

  test('the wallet page and CSV of a member who left show the reward, not the bounty', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const team = await teamOf([poster, worker])
    const bounty = await postBounty(poster, { title: 'Rotate the night keys', teamId: team.id })
    await ClaimBounty.handle(worker, bounty)
    await SubmitWork.handle(worker, bounty, { note: 'Done' })
    await ApproveWork.handle(poster, await Bounty.findOrFail(bounty.id), {})
    assert.include(await htmlOf(client, urlFor('wallet.show'), worker), 'Rotate the night keys')

    await removeFromTeam(team.id, worker)
    const page = await htmlOf(client, urlFor('wallet.show'), worker)
    assert.notInclude(page, 'Rotate the night keys')
    assert.include(page, 'A team-only bounty of a team you are not in')
    const csv = await htmlOf(client, urlFor('wallet_export.show'), worker)
    assert.notInclude(csv, 'Rotate the night keys')
    assert.notInclude(csv, bounty.id)
    assert.include(csv, 'A team-only bounty of a team you are not in')
    assert.include(await htmlOf(client, urlFor('wallet.show'), poster), 'Rotate the night keys')
  })
})
