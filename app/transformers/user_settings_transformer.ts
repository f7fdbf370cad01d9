import { BaseTransformer } from '@adonisjs/core/transformers'
import type UserSetting from '#models/user_setting'

export default class UserSettingsTransformer extends BaseTransformer<UserSetting> {
  toObject() {
    return this.pick(this.resource, [
      'emailNotifications',
      'pushNotifications',
      'marketingEmails',
      'twoFactorEnabled',
      'profileVisibility',
      'leaderboardOptOut',
      'timezone',
    ])
  }
}
