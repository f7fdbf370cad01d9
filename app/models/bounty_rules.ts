import { DateTime } from 'luxon'
import { ACTIVE_CLAIM_STATUSES, type BountyStatus, type ClaimStatus } from '#enums/bounty'

/**
 * The rules the Bounty and BountyClaim models and the lists' BountyCard
 * derive their flags from, in one place.
 */

/**
 * Finished for good: paid out or cancelled.
 */
export const CLOSED_STATUSES: BountyStatus[] = ['COMPLETED', 'CANCELLED']

export function isClosedStatus(status: BountyStatus) {
  return CLOSED_STATUSES.includes(status)
}

/**
 * A claim that holds its slot: being worked on or awaiting review.
 */
export function isActiveClaimStatus(status: ClaimStatus) {
  return (ACTIVE_CLAIM_STATUSES as readonly ClaimStatus[]).includes(status)
}

/**
 * Claims that hold or used up a slot (not abandoned or expired).
 */
export const LIVE_CLAIM_STATUSES: ClaimStatus[] = [...ACTIVE_CLAIM_STATUSES, 'COMPLETED']

export function hasPassed(deadline: DateTime | null) {
  return deadline !== null && deadline <= DateTime.now()
}

/**
 * Slots of a multi-slot bounty (B4) that nobody holds or used up.
 */
export function slotsOpen(bounty: {
  maxCompletions: number
  liveClaims: { isActive: boolean; isCompleted: boolean }[]
}) {
  const taken = bounty.liveClaims.filter((claim) => claim.isActive || claim.isCompleted).length
  return Math.max(0, bounty.maxCompletions - taken)
}
