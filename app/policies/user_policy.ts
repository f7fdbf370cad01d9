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

  /**
   * The admin members list and a member's admin page (I2): Leaders only.
   */
  viewAny(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  view(user: User, _member: User): AuthorizerResponse {
    return user.isAdmin
  }

  /**
   * A Leader never changes their own role (the last-Leader rule is
   * ChangeRole's, under lock).
   */
  changeRole(user: User, member: User): AuthorizerResponse {
    if (!user.isAdmin) return false
    if (member.id === user.id) return AuthorizationResponse.deny('You cannot change your own role')
    return !member.isDeleted || AuthorizationResponse.deny('This account was deleted')
  }

  /**
   * Deactivating another Leader is allowed (never the last active one,
   * SetActivation's rule); deactivating yourself is not.
   */
  changeActivation(user: User, member: User): AuthorizerResponse {
    if (!user.isAdmin) return false
    if (member.id === user.id) {
      return AuthorizationResponse.deny('You cannot deactivate your own account')
    }
    return !member.isDeleted || AuthorizationResponse.deny('This account was deleted')
  }

  resendVerification(user: User, member: User): AuthorizerResponse {
    if (!user.isAdmin) return false
    if (member.isVerified) return AuthorizationResponse.deny('This member is already verified')
    return member.isActive || AuthorizationResponse.deny('This account is deactivated')
  }

  /**
   * Acting as a member to see what they see: never as oneself, another
   * Leader, or an account that cannot sign in.
   */
  impersonate(user: User, member: User): AuthorizerResponse {
    if (!user.isAdmin) return false
    if (member.id === user.id) return AuthorizationResponse.deny('You are already yourself')
    if (member.isAdmin) return AuthorizationResponse.deny('Leaders cannot be impersonated')
    if (!member.isActive || member.isDeleted) {
      return AuthorizationResponse.deny('This account cannot sign in')
    }
    return true
  }

  /**
   * Only a session that an active Leader switched into can switch back.
   */
  stopImpersonating(_user: User, impersonator: User | null): AuthorizerResponse {
    return Boolean(impersonator?.isAdmin && impersonator.isActive && !impersonator.isDeleted)
  }
}
