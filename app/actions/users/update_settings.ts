import type User from '#models/user'
import type { ProfileVisibility } from '#enums/profile'
import { broadcastLeaderboardUpdated } from '#services/broadcast'

/**
 * Absent keys stay as they are. Two-factor has its own actions.
 */
export type UpdateSettingsData = {
  emailNotifications?: boolean
  pushNotifications?: boolean
  marketingEmails?: boolean
  profileVisibility?: ProfileVisibility
  leaderboardOptOut?: boolean
  timezone?: string
}

export default class UpdateSettings {
  static async handle(user: User, data: UpdateSettingsData) {
    await user.loadProfileAndSettings()
    const { emailNotifications, pushNotifications, marketingEmails, profileVisibility } = data
    const { leaderboardOptOut, timezone } = data
    const changes = {
      emailNotifications,
      pushNotifications,
      marketingEmails,
      profileVisibility,
      leaderboardOptOut,
      timezone,
    }
    user.settings.merge(
      Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
    )
    const boardsChange = user.settings.$dirty.leaderboardOptOut !== undefined
    await user.settings.save()
    // Opting out or back in changes every board the member was or will be on (K9).
    if (boardsChange) broadcastLeaderboardUpdated()
    return user.settings
  }
}
