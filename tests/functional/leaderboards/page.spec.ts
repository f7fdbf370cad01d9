import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Leaderboard from '#gamification/leaderboard'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'
import { optOut, totalsOf } from '#tests/helpers/leaderboards'
import { teamOf } from '#tests/helpers/teams'
import { bearerFor } from '#tests/functional/api/support'

async function named(username: string, role?: 'admin') {
  const user = await member(role)
  user.username = username
  await user.save()
  return user
}

function rows(html: string) {
  return [
    ...html.matchAll(
      /<tr[^>]*>\s*<td class="numeric">(\d+)<\/td>\s*<th scope="row">\s*<a[^>]*>([^<]+)<\/a>/g
    ),
  ].map((match) => `${match[1]} ${match[2]}`)
}

test.group('Leaderboard page', (group) => {
  isolateDatabase(group)

  test('shows the board with the member’s own row highlighted', async ({ client, assert }) => {
    const [ann, bob] = await Promise.all([named('ann'), named('bob')])
    await totalsOf(ann, { points: 40 })
    await totalsOf(bob, { points: 90 })

    const html = await htmlOf(client, urlFor('leaderboards.index'), ann)
    assert.deepEqual(rows(html), ['1 bob', '2 ann'])
    assert.match(
      html,
      /<tr class="leaderboard__mine" aria-current="true">\s*<td class="numeric">2<\/td>/
    )
  })

  test('the selectors choose period, metric and team in the query string', async ({
    client,
    assert,
  }) => {
    const [ann, bob, out] = await Promise.all([named('ann'), named('bob'), named('out')])
    const team = await teamOf([ann, bob], { name: 'Mist' })
    await totalsOf(ann, { earnings: '10.00', completions: 1 }, 'week')
    await totalsOf(bob, { earnings: '1250.00', completions: 2 }, 'week')
    await totalsOf(out, { earnings: '5000.00', completions: 9 }, 'week')

    const html = await htmlOf(
      client,
      urlFor(
        'leaderboards.index',
        {},
        { qs: { period: 'week', metric: 'earnings', teamId: team.id } }
      ),
      ann
    )
    assert.deepEqual(rows(html), ['1 bob', '2 ann'])
    assert.include(html, '1,250.00')
    assert.include(html, 'Mist · This week · by earnings')
    assert.include(html, `<option value="${team.id}" selected>Mist</option>`)
  })

  test('a member below the top sees their own rank under the board', async ({ client, assert }) => {
    const ann = await named('ann')
    const others = await Promise.all(Array.from({ length: 51 }, () => member()))
    for (const other of others) await totalsOf(other, { points: 100 })
    await totalsOf(ann, { points: 5 })

    const html = await htmlOf(client, urlFor('leaderboards.index'), ann)
    assert.lengthOf(rows(html), 50)
    assert.match(html, /You are <strong>#52<\/strong> on this board with 5 points/)
  })

  test('an empty board says so, and an opted-out member is told why they are missing', async ({
    client,
    assert,
  }) => {
    const ann = await named('ann')
    await totalsOf(ann, { points: 5 })
    await optOut(ann)

    const html = await htmlOf(client, urlFor('leaderboards.index'), ann)
    assert.include(html, 'Nobody is on this board yet')
    assert.include(html, 'You are not shown on leaderboards')
  })

  test('an invalid choice is dropped with a notice instead of failing the page', async ({
    client,
    assert,
  }) => {
    const ann = await named('ann')
    const html = await htmlOf(client, '/leaderboard?period=decade&metric=points', ann)
    assert.include(html, 'Some choices were left out')
    assert.include(html, 'Everyone · All time · by points')
  })

  test('a team board is refused to outsiders (404) and guests go to log in', async ({
    client,
    assert,
  }) => {
    const [admin, outsider, leader] = await Promise.all([member(), member(), member('admin')])
    const team = await teamOf([admin])
    const url = urlFor('leaderboards.index', {}, { qs: { teamId: team.id } })

    assert.equal(await statusOf(client, url, admin), 200)
    assert.equal(await statusOf(client, url, leader), 200)
    assert.equal(await statusOf(client, url, outsider), 404)
    const guest = await client.get(urlFor('leaderboards.index')).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', urlFor('session.create'))
  })
})

test.group('Leaderboard opt-out setting', (group) => {
  isolateDatabase(group)

  test('the settings form turns the opt-out on and off', async ({ client, assert }) => {
    const ann = await member()
    const form = { profileVisibility: 'PUBLIC', leaderboardOptOut: 'on' }
    const on = await submit(client, ann, 'put', urlFor('settings.update'), { form })
    on.assertStatus(302)
    assert.isTrue(await optedOut(ann))

    const unticked = { profileVisibility: 'PUBLIC' }
    const off = await submit(client, ann, 'put', urlFor('settings.update'), { form: unticked })
    off.assertStatus(302)
    assert.isFalse(await optedOut(ann))
  })

  test('the API sets it and says so in the settings', async ({ client, assert }) => {
    const ann = await member()
    const response = await client
      .put('/api/v1/users/settings')
      .header('authorization', await bearerFor(ann))
      .json({ leaderboardOptOut: true })
    response.assertStatus(200)
    assert.isTrue(response.body().data.leaderboardOptOut)
    assert.isTrue(await optedOut(ann))
  })

  test('a member’s standing counts only listed members ahead of them', async ({ assert }) => {
    const [ann, hidden, gone, ahead] = await Promise.all([member(), member(), member(), member()])
    await totalsOf(ann, { points: 10 })
    await totalsOf(hidden, { points: 50 })
    await totalsOf(gone, { points: 40 })
    await totalsOf(ahead, { points: 30 })
    await optOut(hidden)
    await db.from('users').where('id', gone.id).update({ is_active: false })
    const board = { period: 'all', metric: 'points', teamId: null } as const

    assert.deepInclude(await Leaderboard.standingOf(ann.id, board), { rank: 2, value: 10 })
    assert.isNull(await Leaderboard.standingOf(hidden.id, board))
    assert.isNull(await Leaderboard.standingOf(gone.id, board))
  })
})

async function optedOut(user: User) {
  const row = await db.from('user_settings').where('user_id', user.id).first()
  return row.leaderboard_opt_out as boolean
}
