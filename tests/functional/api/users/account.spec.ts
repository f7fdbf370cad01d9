import { test } from '@japa/runner'
import User from '#models/user'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { memberWithToken } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

test.group('DELETE /api/v1/users/account', (group) => {
  isolateDatabase(group)

  test('anonymises the account and revokes the token', async ({ client, assert }) => {
    const { user, authorization } = await memberWithToken()
    const email = user.email

    const response = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({ password: FACTORY_PASSWORD })

    response.assertStatus(200)
    assert.isNull(response.body().data)
    await user.refresh()
    assert.isTrue(user.isDeleted)
    assert.notEqual(user.email, email)
    assert.lengthOf(await User.accessTokens.all(user), 0)
    const after = await client.get('/api/v1/users/profile').header('authorization', authorization)
    after.assertStatus(401)
  })

  test('a wrong password answers 422 INVALID_PASSWORD and deletes nothing', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await memberWithToken()

    const response = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({ password: 'Wrong12345' })

    response.assertStatus(422)
    assert.equal(response.body().error.code, 'INVALID_PASSWORD')
    await user.refresh()
    assert.isFalse(user.isDeleted)
  })

  test('422 VALIDATION_FAILED without a password or with a non-text one', async ({
    client,
    assert,
  }) => {
    const { authorization } = await memberWithToken()

    const missing = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({})
    const number = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({ password: 12345678 })
    const long = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({ password: 'x'.repeat(129) })

    missing.assertStatus(422)
    number.assertStatus(422)
    long.assertStatus(422)
    assert.equal(missing.body().error.details[0].rule, 'required')
    assert.equal(number.body().error.details[0].rule, 'string')
    assert.equal(long.body().error.details[0].rule, 'maxLength')
  })

  test('needs a token with the write ability', async ({ client }) => {
    const { authorization } = await memberWithToken(['read'])

    const response = await client
      .delete('/api/v1/users/account')
      .header('authorization', authorization)
      .json({ password: FACTORY_PASSWORD })

    response.assertStatus(403)
  })
})
