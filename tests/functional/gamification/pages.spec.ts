import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import ApproveWork from '#actions/bounties/approve_work'
import UserSetting from '#models/user_setting'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, workedOn } from '#tests/helpers/bounties'

test.group('Gamification pages', (group) => {
  isolateDatabase(group)

  test('the dashboard shows points, level progress, streak and badges', async ({ client }) => {
    const poster = await funded('500.00')
    const worker = await member()
    await ApproveWork.handle(poster, await workedOn(poster, worker, 'submitted'))

    const response = await client.get(urlFor('dashboard.show')).loginAs(worker)

    response.assertStatus(200)
    // MEDIUM (the default) earns 20 + 100: 120 points, level 2, 10 % of the way to level 3.
    response.assertTextIncludes('Level 2</span> · 120 points')
    response.assertTextIncludes('max="100" value="10"')
    response.assertTextIncludes('1-week streak')
    response.assertTextIncludes('First bounty')
  })

  test('a new member’s dashboard says how to earn a first badge', async ({ client }) => {
    const response = await client.get(urlFor('dashboard.show')).loginAs(await member())
    response.assertTextIncludes('Level 1</span> · 0 points')
    response.assertTextIncludes('No badges yet')
  })

  test('a profile shows the member’s badges with the date earned', async ({ client }) => {
    const poster = await funded('500.00')
    const worker = await member()
    await ApproveWork.handle(poster, await workedOn(poster, worker, 'submitted'))

    const response = await client.get(urlFor('profiles.show', { username: worker.username }))

    response.assertStatus(200)
    response.assertTextIncludes('First bounty')
    response.assertTextIncludes('earned ')
  })

  test('a private profile hides its badges from others', async ({ client, assert }) => {
    const poster = await funded('500.00')
    const worker = await member()
    await ApproveWork.handle(poster, await workedOn(poster, worker, 'submitted'))
    await UserSetting.updateOrCreate({ userId: worker.id }, { profileVisibility: 'PRIVATE' })

    const response = await client
      .get(urlFor('profiles.show', { username: worker.username }))
      .loginAs(await member())

    response.assertStatus(403)
    assert.notInclude(response.text(), 'First bounty')
  })

  test('"how points work" shows the rule, levels and badge criteria to anyone', async ({
    client,
  }) => {
    const response = await client.get(urlFor('points.show'))
    response.assertStatus(200)
    response.assertTextIncludes('<td class="numeric">50</td>')
    response.assertTextIncludes('Four-week streak')
    response.assertTextIncludes('<td class="numeric">4,500</td>')
    response.assertTextIncludes('A HIGH bounty paying 40.50 earns 35 + 40 = 75 points.')
  })
})
