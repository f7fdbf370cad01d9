import { DomainError } from '#exceptions/domain_error'
import type Bounty from '#models/bounty'
import type User from '#models/user'

/**
 * The claim a review (approval or change request) is about: the one of
 * `userId` when given, otherwise the only one awaiting review. Called under
 * the bounty's row lock; the claim's own transition check then explains
 * what is wrong (nothing submitted yet, already paid…).
 */
export default function reviewTarget(bounty: Bounty, reviewer: User, userId?: string) {
  bounty.assertPublished()
  if (bounty.status === 'CANCELLED') bounty.assertOpen()

  const claim = userId ? pickByUser(bounty, userId) : pickOnly(bounty)
  if (claim.isHeldBy(reviewer)) {
    throw new DomainError('FORBIDDEN', 'You cannot review your own work')
  }
  return claim
}

function pickByUser(bounty: Bounty, userId: string) {
  const claims = bounty.liveClaims.filter((claim) => claim.userId === userId)
  const claim = claims.find((candidate) => candidate.isActive) ?? claims[0]
  if (!claim) {
    throw new DomainError('INVALID_TRANSITION', 'This member is not working on this bounty', {
      field: 'userId',
    })
  }
  return claim
}

function pickOnly(bounty: Bounty) {
  const inReview = bounty.activeClaims.filter((claim) => claim.isInReview)
  if (inReview.length === 1) return inReview[0]
  if (inReview.length > 1) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'Several members await review: say whose work this is about (userId)',
      { field: 'userId' }
    )
  }
  if (!bounty.isMultiSlot && bounty.liveClaims.length === 1) return bounty.liveClaims[0]
  throw new DomainError('INVALID_TRANSITION', 'There is no submitted work to review on this bounty')
}
