import type User from '#models/user'
import type { ProfileVisibility } from '#enums/profile'

/**
 * Absent keys stay as they are. Two-factor has its own actions.
 */
export type UpdateSettingsData = {
  emailNotifications?: boolean
  pushNotifications?: boolean
  marketingEmails?: boolean
  profileVisibility?: ProfileVisibility
  timezone?: string
}

export default class UpdateSettings {
  static async handle(user: User, data: UpdateSettingsData) {
    await user.loadProfileAndSettings()
    const { emailNotifications, pushNotifications, marketingEmails, profileVisibility, timezone } =
      data
    const changes = {
      emailNotifications,
      pushNotifications,
      marketingEmails,
      profileVisibility,
      timezone,
    }
    user.settings.merge(
      Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
    )
    await user.settings.save()
    return user.settings
  }
}
