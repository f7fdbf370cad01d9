import factory from '@adonisjs/lucid/factories'
import UserSetting from '#models/user_setting'
import { UserFactory } from '#database/factories/user_factory'

/**
 * Settings as a new account has them. UserFactory already gives every user
 * this row, so without a `userId` this saves a fresh user without settings
 * first. States: `private`, `friendsOnly`, `quiet` (no notification mail or
 * push), `offLeaderboards` (opted out of leaderboards, K9).
 */
export const UserSettingFactory = factory
  .define(UserSetting, () => ({
    emailNotifications: true,
    pushNotifications: true,
    marketingEmails: false,
    twoFactorEnabled: false,
    profileVisibility: 'PUBLIC' as const,
    leaderboardOptOut: false,
  }))
  .state('private', (settings) => {
    settings.profileVisibility = 'PRIVATE'
  })
  .state('friendsOnly', (settings) => {
    settings.profileVisibility = 'FRIENDS_ONLY'
  })
  .state('offLeaderboards', (settings) => {
    settings.leaderboardOptOut = true
  })
  .state('quiet', (settings) => {
    settings.emailNotifications = false
    settings.pushNotifications = false
  })
  .before('create', async (_, settings, { $trx }) => {
    if (settings.userId) return
    const user = await UserFactory.make()
    await user.useTransaction($trx!).save()
    settings.userId = user.id
  })
  .build()
