import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import CheckIn from '#models/check_in'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { checkInRow, teamWith } from '#tests/helpers/teams'
import { countRows } from '#tests/helpers/accounts'
import { fieldErrors, htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'

const answers = { productive: 8, satisfied: 7, body: 6, care: 9 }
const form = { productive: '8', satisfied: '7', body: '6', care: '9' }

test.group('The team check-in page', (group) => {
  isolateDatabase(group)

  test('a member who has not checked in sees the form with four labelled 1–10 scales', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']], { name: 'Water Breathing' })

    const html = await htmlOf(client, urlFor('team_checkins.index', { id: team.id }), user)

    assert.include(html, 'Check in for this week')
    for (const name of ['productive', 'satisfied', 'body', 'care']) {
      assert.match(
        html,
        new RegExp(`type="radio" id="checkin-${name}-10" name="${name}" value="10"`)
      )
    }
    assert.match(html, /<legend>Care<\/legend>/)
    assert.include(html, 'name="isPrivate"')
    assert.include(html, 'Water Breathing')
  })

  test('a non-member and an unknown team get 404', async ({ client, assert }) => {
    const team = await teamWith([[await member(), 'MEMBER']])
    const outsider = await member()
    assert.equal(
      await statusOf(client, urlFor('team_checkins.index', { id: team.id }), outsider),
      404
    )
    assert.equal(
      await statusOf(
        client,
        urlFor('team_checkins.index', { id: '00000000-0000-4000-8000-000000000000' }),
        outsider
      ),
      404
    )
  })

  test('checking in from the form stores it and comes back to the page', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    const page = urlFor('team_checkins.index', { id: team.id })

    const response = await submit(
      client,
      user,
      'post',
      urlFor('team_checkins.store', { id: team.id }),
      {
        from: page,
        form: { ...form, note: 'A good week', isPrivate: 'on' },
      }
    )

    response.assertHeader('location', page)
    response.assertFlashMessage('success', 'Checked in for this week. Thank you!')
    const [stored] = await CheckIn.query().where('user_id', user.id)
    assert.equal(stored.score, 12)
    assert.isTrue(stored.isPrivate)
    assert.equal(stored.note, 'A good week')
  })

  test('a score out of range comes back as the field’s error; nothing is stored', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    const page = urlFor('team_checkins.index', { id: team.id })

    const response = await submit(
      client,
      user,
      'post',
      urlFor('team_checkins.store', { id: team.id }),
      {
        from: page,
        form: { ...form, care: '11' },
      }
    )

    response.assertHeader('location', page)
    assert.property(fieldErrors(response), 'care')
    assert.equal(await countRows('check_ins'), 0)
  })

  test('a second check-in from the form is refused with a message', async ({ client, assert }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    await checkInRow(team, user, answers)
    const page = urlFor('team_checkins.index', { id: team.id })

    const response = await submit(
      client,
      user,
      'post',
      urlFor('team_checkins.store', { id: team.id }),
      {
        from: page,
        form,
      }
    )

    response.assertFlashMessage(
      'error',
      'You already checked in with this team this week: change that check-in instead'
    )
    assert.equal(await countRows('check_ins'), 1)
  })

  test('a non-member posting the form is refused with a message; nothing is stored', async ({
    client,
    assert,
  }) => {
    const team = await teamWith([[await member(), 'MEMBER']])
    const response = await submit(
      client,
      await member(),
      'post',
      urlFor('team_checkins.store', { id: team.id }),
      { form }
    )
    response.assertFlashMessage('error', 'Only members of this team can check in')
    assert.equal(await countRows('check_ins'), 0)
  })

  test('after checking in the member sees their scores and an edit form, and edits it', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers, { isPrivate: true })
    const page = urlFor('team_checkins.index', { id: team.id })

    const html = await htmlOf(client, page, user)
    assert.include(html, 'Your check-in this week')
    assert.include(html, 'Change your check-in')
    assert.match(html, /id="edit-care-9" name="care" value="9" checked/)

    const response = await submit(
      client,
      user,
      'put',
      urlFor('checkins.update', { id: checkIn.id }),
      {
        from: page,
        form: { ...form, care: '2' },
      }
    )
    response.assertHeader('location', page)
    await checkIn.refresh()
    assert.equal(checkIn.score, 19)
    assert.isFalse(checkIn.isPrivate, 'an unticked box makes it visible again')
  })

  test('a teammate cannot edit or delete someone else’s check-in: refused with a message', async ({
    client,
    assert,
  }) => {
    const author = await member()
    const teammate = await member()
    const team = await teamWith([
      [author, 'MEMBER'],
      [teammate, 'MEMBER'],
    ])
    const checkIn = await checkInRow(team, author, answers)

    const edit = await submit(
      client,
      teammate,
      'put',
      urlFor('checkins.update', { id: checkIn.id }),
      {
        form: { care: '1' },
      }
    )
    edit.assertFlashMessage('error', 'Only its author can change a check-in')
    const remove = await submit(
      client,
      teammate,
      'delete',
      urlFor('checkins.destroy', { id: checkIn.id })
    )
    remove.assertFlashMessage('error', 'Only its author can delete a check-in')
    await checkIn.refresh()
    assert.equal(checkIn.care, 9)
  })

  test('its author deletes this week’s check-in from the page', async ({ client, assert }) => {
    const user = await member()
    const team = await teamWith([[user, 'MEMBER']])
    const checkIn = await checkInRow(team, user, answers)

    const response = await submit(
      client,
      user,
      'delete',
      urlFor('checkins.destroy', { id: checkIn.id })
    )

    response.assertHeader('location', urlFor('team_checkins.index', { id: team.id }))
    assert.equal(await countRows('check_ins'), 0)
  })

  test('teammates’ private check-ins are not listed, but count in the trends table', async ({
    client,
    assert,
  }) => {
    const [viewer, open, secret] = await Promise.all([member(), member(), member()])
    const team = await teamWith([
      [viewer, 'MEMBER'],
      [open, 'MEMBER'],
      [secret, 'MEMBER'],
    ])
    await checkInRow(team, open, answers, { note: 'Visible note' })
    await checkInRow(
      team,
      secret,
      { productive: 2, satisfied: 2, body: 2, care: 2 },
      {
        isPrivate: true,
        note: 'Secret note',
      }
    )

    const html = await htmlOf(client, urlFor('team_checkins.index', { id: team.id }), viewer)

    assert.include(html, 'Visible note')
    assert.include(html, open.username)
    assert.notInclude(html, 'Secret note')
    assert.notInclude(html, `<strong>${secret.username}</strong>`)
    // The week's average score: (12 + 4) / 2.
    assert.match(html, /<td class="numeric">8<\/td>/)
  })
})
