import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { checkInRow, checkInsWithCare, teamOf } from '#tests/helpers/teams'

test.group('Analytics page', (group) => {
  isolateDatabase(group)

  test('shows the member’s charts, tables and insights for their team', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const team = await teamOf([ana, ben], { name: 'Signal Crew' })
    await checkInsWithCare(team, ana, { productive: 7, satisfied: 6, body: 5 }, [
      [3, 2],
      [2, 4],
      [1, 6],
      [0, 9],
    ])
    await checkInRow(
      team,
      ben,
      { productive: 1, satisfied: 2, body: 3, care: 10 },
      { isPrivate: true, note: 'Only mine' }
    )

    const response = await client.get(urlFor('analytics.show')).loginAs(ana)

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Analytics</h1>')
    response.assertTextIncludes('What your check-ins with Signal Crew say')
    response.assertTextIncludes('Your care score has risen three weeks in a row (from 2 to 9).')
    response.assertTextIncludes('Bounties published and completed per week, last 12 weeks')
    response.assertTextIncludes('Your four check-in answers with Signal Crew, week by week')
    response.assertTextIncludes('4 weeks')
    assert.notInclude(response.text(), 'Only mine')

    // A longer range reads the same insights from its own latest weeks.
    const longer = await client.get(`${urlFor('analytics.show')}?weeks=26`).loginAs(ana)
    longer.assertTextIncludes('Your care score has risen three weeks in a row (from 2 to 9).')
  })

  test('a teammate sees the team’s averages but never another member’s private answers as theirs', async ({
    client,
    assert,
  }) => {
    const [ana, ben] = await Promise.all([member(), member()])
    const team = await teamOf([ana, ben])
    await checkInRow(
      team,
      ana,
      { productive: 9, satisfied: 9, body: 9, care: 1 },
      {
        isPrivate: true,
      }
    )

    const response = await client
      .get(urlFor('analytics.show', {}, { qs: { teamId: team.id } }))
      .loginAs(ben)

    response.assertStatus(200)
    response.assertTextIncludes('You have not checked in with this team in these weeks.')
    const answers = response.text().split('id="answers-title"')[1].split('</section>')[0]
    assert.notInclude(answers, '<td class="numeric">9</td>')
    assert.include(answers, '<td class="numeric">–</td>')
  })

  test('the range changes every chart', async ({ client }) => {
    const ana = await member()
    const response = await client
      .get(urlFor('analytics.show', {}, { qs: { weeks: 4 } }))
      .loginAs(ana)
    response.assertStatus(200)
    response.assertTextIncludes('Bounties published and completed per week, last 4 weeks')
    response.assertTextIncludes('<option value="4" selected>Last 4 weeks</option>')
  })

  test('without a team it says how to get check-in analytics', async ({ client }) => {
    const response = await client.get(urlFor('analytics.show')).loginAs(await member())
    response.assertStatus(200)
    response.assertTextIncludes('Join a team to see your weekly check-ins beside the team’s.')
  })

  test('a team the member is not in, or does not exist, is 404', async ({ client }) => {
    const team = await teamOf([await member()])
    const outsider = await member()
    for (const teamId of [team.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await client
        .get(urlFor('analytics.show', {}, { qs: { teamId } }))
        .loginAs(outsider)
      response.assertStatus(404)
    }
  })

  test('a range out of bounds is refused, not an error', async ({ client, assert }) => {
    const response = await client
      .get(urlFor('analytics.show', {}, { qs: { weeks: 'lots' } }))
      .loginAs(await member())
      .redirects(0)
    response.assertStatus(302)
    assert.property(response.flashMessage('inputErrorsBag'), 'weeks')
  })

  test('a guest is sent to log in', async ({ client, assert }) => {
    const response = await client.get(urlFor('analytics.show')).redirects(0)
    response.assertStatus(302)
    assert.include(response.header('location'), '/login')
  })
})
