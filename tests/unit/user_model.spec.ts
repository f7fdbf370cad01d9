import { test } from '@japa/runner'
import User from '#models/user'

test.group('User model', () => {
  test('display name falls back to the username', ({ assert }) => {
    const user = new User()
    user.username = 'tanjiro'
    assert.equal(user.displayName, 'tanjiro')
    user.firstName = 'Tanjiro'
    user.lastName = 'Kamado'
    assert.equal(user.displayName, 'Tanjiro Kamado')
    assert.equal(user.initials, 'TK')
  })
})
