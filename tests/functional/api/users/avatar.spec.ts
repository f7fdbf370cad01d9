import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

test.group('PUT /api/v1/users/avatar', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('stores the image and answers the caller with the new avatarUrl', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .file('avatar', PNG, { filename: 'me.png' })

    response.assertStatus(200)
    const avatarUrl = response.body().data.avatarUrl
    assert.match(avatarUrl, new RegExp(`^/avatars/${user.id}/[a-z0-9]+\\.png$`))
    await user.refresh()
    assert.equal(user.avatarUrl, avatarUrl)
  })

  test('a file that is not an image answers 422, whatever its name', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .file('avatar', Buffer.from('<script>alert(1)</script>'), { filename: 'me.png' })

    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'avatar')
    await user.refresh()
    assert.isNull(user.avatarUrl)
  })

  test('a missing file, a wrong extension or a file over 2 MB answers 422', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    const missing = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .field('note', 'no file attached')
    const notAFile = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .field('avatar', 'not a file')
    const wrongType = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .file('avatar', PNG, { filename: 'me.svg' })
    const tooLarge = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .file('avatar', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1)]), {
        filename: 'me.png',
      })

    missing.assertStatus(422)
    notAFile.assertStatus(422)
    wrongType.assertStatus(422)
    tooLarge.assertStatus(422)
    assert.equal(missing.body().error.details[0].rule, 'required')
    assert.equal(notAFile.body().error.details[0].rule, 'file')
    assert.equal(wrongType.body().error.details[0].rule, 'file.extname')
    assert.equal(tooLarge.body().error.details[0].rule, 'file.size')
  })

  test('needs a token with the write ability', async ({ client }) => {
    const { authorization } = await memberWithToken(['read'])

    const response = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .file('avatar', PNG, { filename: 'me.png' })

    response.assertStatus(403)
  })
})
