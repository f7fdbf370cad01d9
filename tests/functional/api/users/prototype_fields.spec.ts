import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

/**
 * GHSA-8w45-cghr-9rh4: a multipart field named __proto__ crashed body
 * parsers before @adonisjs/bodyparser 11.0.5. 11.0.4 is the newest on the
 * registry and already drops prototype keys; this keeps it that way.
 */
test.group('Prototype-polluting field names', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('multipart fields named __proto__ or constructor are dropped, never a 500', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .put('/api/v1/users/avatar')
      .header('authorization', authorization)
      .field('__proto__[polluted]', 'yes')
      .field('constructor[prototype][polluted]', 'yes')
      .file('avatar', PNG, { filename: 'me.png' })

    response.assertStatus(200)
    assert.isUndefined(({} as Record<string, unknown>).polluted)
  })

  test('a JSON body with __proto__ keys is answered normally', async ({ client, assert }) => {
    const { authorization } = await memberWithToken()
    const response = await client
      .put('/api/v1/users/profile')
      .header('authorization', authorization)
      .header('content-type', 'application/json')
      .json(JSON.parse('{"__proto__": {"polluted": "yes"}, "bio": "Hello"}'))

    assert.isBelow(response.status(), 500)
    assert.isUndefined(({} as Record<string, unknown>).polluted)
  })
})
