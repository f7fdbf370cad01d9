import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

export default class UserPolicy extends BasePolicy {
  /**
   * Profile visibility (A5), the rule `User.isProfileVisibleTo` holds; the
   * same rule decides whose full names pages show (`User.showNamesTo`).
   */
  @allowGuest()
  async viewProfile(viewer: User | null, owner: User): Promise<AuthorizerResponse> {
    if (await owner.isProfileVisibleTo(viewer)) return true
    return AuthorizationResponse.deny(
      owner.settings?.profileVisibility === 'FRIENDS_ONLY'
        ? 'This profile is only visible to members who share a team with its owner.'
        : 'This profile is private.'
    )
  }
}
