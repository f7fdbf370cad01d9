import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Notification from '#models/notification'
import Tag from '#models/tag'
import TagWatcher from '#models/tag_watcher'
import TeamMembership from '#models/team_membership'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { htmlOf, submit } from '#tests/helpers/bounty_pages'
import { teamOf } from '#tests/helpers/teams'

/*
| A member's watch level on their team's new bounties (K10): set from the
| team board, and what it changes in who is told of a new team bounty.
*/

test.group('Team watch level', (group) => {
  isolateDatabase(group)

  test('a member sets it from the team board; it is stored on their membership', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const team = await teamOf([admin], { name: 'Night shift' })
    const board = urlFor('bounties.index', {}, { qs: { teamId: team.id } })
    const html = await htmlOf(client, board, admin)
    assert.include(html, '<label for="team-watch-level">New bounties of Night shift</label>')
    assert.include(html, '<option value="normal" selected>')

    const response = await submit(
      client,
      admin,
      'put',
      urlFor('team_watch_levels.update', { id: team.id }),
      { from: board, form: { level: 'muted' } }
    )
    response.assertStatus(302)
    response.assertHeader('location', board)
    const membership = await TeamMembership.ofOrFail(team.id, admin.id)
    assert.equal(membership.watchLevel, 'muted')

    await submit(client, admin, 'put', urlFor('team_watch_levels.update', { id: team.id }), {
      form: { level: 'normal' },
    })
    await membership.refresh()
    assert.isNull(membership.watchLevel)
  })

  test('outsiders and former members get a 404, and a bad level is refused', async ({
    client,
    assert,
  }) => {
    const admin = await member()
    const team = await teamOf([admin])
    const outsider = await member()
    const url = urlFor('team_watch_levels.update', { id: team.id })
    const refused = await submit(client, outsider, 'put', url, { form: { level: 'watching' } })
    refused.assertStatus(404)
    assert.lengthOf(await TeamMembership.query().where('user_id', outsider.id), 0)

    const bad = await submit(client, admin, 'put', url, { form: { level: 'loud' } })
    bad.assertStatus(302)
    const membership = await TeamMembership.ofOrFail(team.id, admin.id)
    assert.isNull(membership.watchLevel)
  })

  test('a new team bounty is told to members watching the team, never to those who muted it', async ({
    assert,
  }) => {
    const poster = await funded('100.00')
    const [watching, normal, muted, outsider] = [
      await member(),
      await member(),
      await member(),
      await member(),
    ]
    const team = await teamOf([poster, watching, normal, muted])
    await db
      .from('team_memberships')
      .where('team_id', team.id)
      .whereIn('user_id', [watching.id, muted.id])
      .update({
        watch_level: db.raw(`CASE WHEN user_id = ? THEN 'watching' ELSE 'muted' END::watch_level`, [
          watching.id,
        ]),
      })
    const [tag] = await Tag.findOrCreateMany(['vault'], db.connection())
    for (const user of [muted, outsider]) await TagWatcher.setLevel(user.id, tag.id, 'watching')

    await postBounty(poster, { title: 'Rotate the night keys', tags: ['vault'], teamId: team.id })

    const told = await Notification.query().where('type', 'bounty.published')
    assert.deepEqual(
      told.map((notification) => notification.userId),
      [watching.id]
    )
  })

  test('watching a team tells nothing of bounties open to everyone', async ({ assert }) => {
    const poster = await funded('100.00')
    const watching = await member()
    const team = await teamOf([poster, watching])
    await TeamMembership.query()
      .where('team_id', team.id)
      .where('user_id', watching.id)
      .update({ watch_level: 'watching' })
    await postBounty(poster, { title: 'For everyone' })
    assert.lengthOf(await Notification.query().where('type', 'bounty.published'), 0)
  })
})
