import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

export default class UserPolicy extends BasePolicy {
  /**
   * Profile visibility (A5): PUBLIC shows to everyone, PRIVATE to its owner
   * and Leaders, FRIENDS_ONLY also to members who share a team with the
   * owner. Expects the owner's settings to be loaded.
   */
  @allowGuest()
  async viewProfile(viewer: User | null, owner: User): Promise<AuthorizerResponse> {
    const visibility = owner.settings?.profileVisibility ?? 'PUBLIC'
    if (visibility === 'PUBLIC') return true
    if (viewer && (viewer.id === owner.id || viewer.isAdmin)) return true
    if (visibility === 'FRIENDS_ONLY' && viewer && (await owner.sharesTeamWith(viewer))) return true
    return AuthorizationResponse.deny(
      visibility === 'FRIENDS_ONLY'
        ? 'This profile is only visible to members who share a team with its owner.'
        : 'This profile is private.'
    )
  }
}
