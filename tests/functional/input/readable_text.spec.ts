import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import Attachment from '#models/attachment'
import { UserFactory } from '#database/factories/user_factory'
import { bearerFor, memberWithToken } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { funded, postBounty } from '#tests/helpers/bounties'
import { balancesOf, fund } from '#tests/helpers/ledger'

const ZERO_WIDTH_ONLY = '\u200b\u200c\u200d\u2060\ufeff'
const RIGHT_TO_LEFT_OVERRIDE = 'Pay the invoice\u202Efdp.exe'
const BIDI_MESSAGE =
  'Remove the text direction controls (U+202A–U+202E, U+2066–U+2069): they make text read differently than it is written'

const inAYear = (offset: string) => `${new Date().getUTCFullYear() + 1}-05-01T17:00:00${offset}`

/**
 * What no person means: text that shows nothing, text that reads otherwise
 * than it is stored, a time zone that does not exist.
 */
test.group('Text people read', (group) => {
  isolateDatabase(group)

  test('a bounty title of zero-width characters only is refused, nothing is saved', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const authorization = await bearerFor(poster)

    for (const title of [ZERO_WIDTH_ONLY, `\u3164\u3164\u3164`, '\u2800\u2800\u2800']) {
      const response = await client
        .post('/api/v1/bounties')
        .header('authorization', authorization)
        .json({ title, description: 'Details', bountyAmount: '5' })

      response.assertStatus(422)
      assert.deepEqual(response.body().error.details, [
        {
          field: 'title',
          message: 'The title field must have visible characters',
          rule: 'readableText',
        },
      ])
    }
    assert.equal(await countRows('bounties'), 0)
    assert.deepEqual(await balancesOf(poster), { balance: '100.00', held: '0.00' })
  })

  test('direction override characters are refused in every text people read', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const authorization = await bearerFor(poster)
    const bounty = await postBounty(poster)
    const receiver = await UserFactory.apply('verified').create()
    const firstName = poster.firstName

    const cases = [
      [
        'POST',
        '/api/v1/bounties',
        { title: RIGHT_TO_LEFT_OVERRIDE, description: 'x', bountyAmount: '5' },
        'title',
      ],
      [
        'POST',
        '/api/v1/bounties',
        { title: 'Fine', description: 'a\u2066b\u2069', bountyAmount: '5' },
        'description',
      ],
      [
        'POST',
        `/api/v1/bounties/${bounty.id}/comments`,
        { content: RIGHT_TO_LEFT_OVERRIDE },
        'content',
      ],
      [
        'POST',
        '/api/v1/tips',
        { toUserId: receiver.id, amount: '1', message: RIGHT_TO_LEFT_OVERRIDE },
        'message',
      ],
      ['PUT', '/api/v1/users/profile', { firstName: '\u202Bname' }, 'firstName'],
    ] as const

    for (const [method, path, body, field] of cases) {
      const response = await client[method === 'POST' ? 'post' : 'put'](path)
        .header('authorization', authorization)
        .json(body)

      response.assertStatus(422)
      assert.deepEqual(
        response.body().error.details,
        [{ field, message: BIDI_MESSAGE, rule: 'readableText.bidi' }],
        `${method} ${path}`
      )
    }
    assert.equal(await countRows('bounties'), 1)
    assert.equal(await countRows('bounty_comments'), 0)
    assert.deepEqual(await balancesOf(receiver), { balance: '0.00', held: '0.00' })
    await poster.refresh()
    assert.equal(poster.firstName, firstName)
  })

  test('right-to-left text itself is welcome', async ({ client }) => {
    const { user, authorization } = await memberWithToken()
    const receiver = await UserFactory.apply('verified').create()
    await fund(user, '10')

    const response = await client
      .post('/api/v1/tips')
      .header('authorization', authorization)
      .json({ toUserId: receiver.id, amount: '1', message: 'شكرا جزيلا \u200f!' })

    response.assertStatus(201)
  })

  test('the bounty form sends a zero-width title back under the field', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')

    const response = await client
      .post('/bounties')
      .loginAs(poster)
      .withCsrfToken()
      .header('referer', '/bounties/new')
      .form({ title: ZERO_WIDTH_ONLY, description: 'Details', bountyAmount: '5', tags: '' })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      title: ['The title field must have visible characters'],
    })
    assert.equal(await countRows('bounties'), 0)
  })

  test('a deadline offset must exist: at most ±14:00 with minutes below 60', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const authorization = await bearerFor(poster)
    const post = (deadline: string) =>
      client
        .post('/api/v1/bounties')
        .header('authorization', authorization)
        .json({ title: 'Timed', description: 'x', bountyAmount: '1', deadline })

    for (const offset of ['+99:99', '+14:30', '-15:00', '+05:60', '+0999']) {
      const response = await post(inAYear(offset))
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].rule, 'deadline.format', offset)
    }
    for (const offset of ['+14:00', '-12:00', '+05:45', '-0330', 'Z']) {
      const response = await post(inAYear(offset))
      response.assertStatus(201)
    }
    assert.equal(await countRows('bounties'), 5)
  })

  test('an upload name loses its direction controls', async ({ client, assert }) => {
    drive.fake()
    try {
      const { authorization } = await memberWithToken()

      const response = await client
        .post('/api/v1/files/upload')
        .header('authorization', authorization)
        .file('file', Buffer.from('notes\n'), { filename: 'report\u202Etxt.exe.txt' })

      response.assertStatus(201)
      const stored = await Attachment.findOrFail(response.body().data.id)
      assert.equal(stored.filename, 'reporttxt.exe.txt')
    } finally {
      drive.restore()
    }
  })
})
