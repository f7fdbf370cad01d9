import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Bounty from '#models/bounty'
import type User from '#models/user'
import TeamMembership from '#models/team_membership'

/**
 * Who may do what to a bounty: docs/permissions.md is this file as a
 * table. The policy answers "who"; whether the bounty's state allows the
 * move right now is the action's call (INVALID_TRANSITION), checked again
 * under the row lock.
 *
 * Controllers load the bounty through `Bounty.findVisibleOrFail`, so a
 * bounty the user may not see is a 404 before any rule here runs.
 */
const VERIFY_FIRST = 'Verify your email address first: unverified accounts can only browse'

export default class BountyPolicy extends BasePolicy {
  @allowGuest()
  async view(user: User | null, bounty: Bounty): Promise<AuthorizerResponse> {
    return (await bounty.isVisibleTo(user)) || AuthorizationResponse.deny('Not found', 404)
  }

  create(user: User): AuthorizerResponse {
    return user.isVerified || AuthorizationResponse.deny(VERIFY_FIRST)
  }

  /**
   * A bounty goes into a team (F2) only from one of its members, when it
   * is posted and when it is moved there by an edit.
   */
  async postInTeam(user: User, teamId: string): Promise<AuthorizerResponse> {
    return (
      (await TeamMembership.of(teamId, user.id)) !== null ||
      deny('Only members of a team can post bounties into it')
    )
  }

  /**
   * The poster edits their bounty; a Leader may edit any (I3).
   */
  update(user: User, bounty: Bounty): AuthorizerResponse {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return bounty.isPostedBy(user) || user.isAdmin || deny('Only the poster can edit this bounty')
  }

  /**
   * The admin bounty list (I3): every bounty, team-only ones included.
   */
  moderate(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  delete(user: User, bounty: Bounty): AuthorizerResponse {
    return bounty.isPostedBy(user) || user.isAdmin || deny('Only the poster can delete this bounty')
  }

  /**
   * Publishing spends the poster's money: only the poster does it.
   */
  publish(user: User, bounty: Bounty): AuthorizerResponse {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return bounty.isPostedBy(user) || deny('Only the poster can publish this bounty')
  }

  claim(user: User, bounty: Bounty): AuthorizerResponse {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return !bounty.isPostedBy(user) || deny('You cannot claim your own bounty')
  }

  /**
   * Handing the work to someone: the poster, a Pillar or a Leader.
   */
  async assign(user: User, bounty: Bounty): Promise<AuthorizerResponse> {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return (
      (await bounty.isReviewableBy(user)) ||
      deny('Only the poster or a Pillar of its team can assign this bounty')
    )
  }

  submit(user: User, bounty: Bounty): AuthorizerResponse {
    return Boolean(bounty.activeClaimOf(user)) || deny('Only the assignee can submit work')
  }

  /**
   * Reviewing (approving or requesting changes) is for the poster, a
   * Pillar or a Leader, and never on one's own work.
   */
  approve(user: User, bounty: Bounty): Promise<AuthorizerResponse> {
    return this.review(user, bounty, 'approve')
  }

  requestChanges(user: User, bounty: Bounty): Promise<AuthorizerResponse> {
    return this.review(user, bounty, 'request changes on')
  }

  abandon(user: User, bounty: Bounty): AuthorizerResponse {
    return Boolean(bounty.activeClaimOf(user)) || deny('Only the assignee can abandon this bounty')
  }

  cancel(user: User, bounty: Bounty): AuthorizerResponse {
    return bounty.isPostedBy(user) || user.isAdmin || deny('Only the poster can cancel this bounty')
  }

  async comment(user: User, bounty: Bounty): Promise<AuthorizerResponse> {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return (await bounty.isVisibleTo(user)) || AuthorizationResponse.deny('Not found', 404)
  }

  /**
   * Files of the bounty itself come from its poster (or a Leader); work
   * goes with a submission, discussion with a comment.
   */
  attach(user: User, bounty: Bounty): AuthorizerResponse {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    return (
      bounty.isPostedBy(user) ||
      user.isAdmin ||
      deny('Only the poster can add files to this bounty')
    )
  }

  /**
   * Submitted work shows to those who review it; a claimant sees their own.
   */
  viewSubmissions(user: User, bounty: Bounty): Promise<AuthorizerResponse> {
    return bounty.isReviewableBy(user)
  }

  private async review(user: User, bounty: Bounty, verb: string): Promise<AuthorizerResponse> {
    if (!user.isVerified) return AuthorizationResponse.deny(VERIFY_FIRST)
    if (!(await bounty.isReviewableBy(user))) {
      return deny(`Only the poster or a Pillar of its team can ${verb} this work`)
    }
    const claimants = bounty.activeClaims
    if (claimants.length > 0 && claimants.every((claim) => claim.isHeldBy(user))) {
      return deny(`You cannot ${verb} your own work`)
    }
    return true
  }
}

function deny(message: string) {
  return AuthorizationResponse.deny(message, 403)
}
