import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import UserProfileTransformer from '#transformers/user_profile_transformer'

/**
 * Another member as the caller may see them (A5): everyone sees the card
 * (username, role, avatar); names and profile only when the profile
 * visibility lets the caller in. Needs `profile` and `settings` loaded.
 */
export default class PublicUserTransformer extends BaseTransformer<User> {
  constructor(
    user: User,
    private detailed: boolean
  ) {
    super(user)
  }

  toObject() {
    const user = this.resource
    const card = {
      id: user.id,
      username: user.username,
      role: user.role,
      avatarUrl: user.avatarUrl ?? null,
      visibility: user.settings.profileVisibility,
      createdAt: user.createdAt.toUTC().toISO()!,
    }
    if (!this.detailed) return card
    return {
      ...card,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      profile: UserProfileTransformer.transform(user.profile),
    }
  }
}
