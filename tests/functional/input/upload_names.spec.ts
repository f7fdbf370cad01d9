import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import Attachment from '#models/attachment'
import { memberWithToken } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'

const FLAG = '🇫🇷'

test.group('Upload names', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('a name longer than the limit keeps its end, cut between whole characters', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    const response = await client
      .post('/api/v1/files/upload')
      .header('authorization', authorization)
      .file('file', Buffer.from('notes\n'), { filename: `${FLAG.repeat(200)}.txt` })

    response.assertStatus(201)
    const stored = await Attachment.findOrFail(response.body().data.id)
    assert.equal(stored.filename, `${FLAG.repeat(125)}.txt`)
    assert.equal(response.body().data.filename, stored.filename)
  })
})
