import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/**
 * A member found by GET /users/search: names only where `User.showNamesTo`
 * found the profile visible to the caller (A5), `null` otherwise.
 */
export default class UserSearchTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    const named = user.isFullNameShown
    return {
      id: user.id,
      username: user.username,
      firstName: named ? (user.firstName ?? null) : null,
      lastName: named ? (user.lastName ?? null) : null,
      avatarUrl: user.avatarUrl ?? null,
    }
  }
}
