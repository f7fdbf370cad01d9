import { test } from '@japa/runner'
import User from '#models/user'
import UserSetting from '#models/user_setting'
import type { ProfileVisibility } from '#enums/profile'

function named(visibility: ProfileVisibility, role: User['role'] = 'SLAYER') {
  const user = new User()
  user.id = crypto.randomUUID()
  user.username = 'tanjiro'
  user.role = role
  user.firstName = 'Tanjiro'
  user.lastName = 'Kamado'
  const settings = new UserSetting()
  settings.profileVisibility = visibility
  user.$setRelated('settings', settings)
  return user
}

test.group('User model', () => {
  test('display name falls back to the username', async ({ assert }) => {
    const user = new User()
    user.username = 'tanjiro'
    const settings = new UserSetting()
    settings.profileVisibility = 'PUBLIC'
    user.$setRelated('settings', settings)
    await User.showNamesTo(null, [user])
    assert.equal(user.displayName, 'tanjiro')
  })

  test('the full name shows only once the profile rule lets the viewer see it', async ({
    assert,
  }) => {
    const open = named('PUBLIC')
    assert.equal(open.displayName, 'tanjiro', 'nothing shows before the check')
    await User.showNamesTo(null, [open])
    assert.equal(open.displayName, 'Tanjiro Kamado')
    assert.equal(open.initials, 'TK')

    const hidden = named('PRIVATE')
    await User.showNamesTo(named('PUBLIC'), [hidden])
    assert.equal(hidden.displayName, 'tanjiro')
    assert.equal(hidden.initials, 'T', 'initials of the username, not of the name')

    const friendsOnly = named('FRIENDS_ONLY')
    await User.showNamesTo(null, [friendsOnly])
    assert.equal(friendsOnly.displayName, 'tanjiro')
    await User.showNamesTo(named('PUBLIC', 'OYAKATASAMA'), [friendsOnly])
    assert.equal(friendsOnly.displayName, 'Tanjiro Kamado', 'Leaders see every name')
  })
})
