/**
 * Bounty vocabulary: statuses, priorities, and claims for multi-slot bounties (B4).
 */
export const BOUNTY_STATUSES = [
  'AVAILABLE',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'CANCELLED',
] as const
export type BountyStatus = (typeof BOUNTY_STATUSES)[number]

export const BOUNTY_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export type BountyPriority = (typeof BOUNTY_PRIORITIES)[number]

/**
 * How the pages name them (public/js/live.js uses the same words).
 */
export const BOUNTY_STATUS_LABELS: Record<BountyStatus, string> = {
  AVAILABLE: 'Available',
  IN_PROGRESS: 'In progress',
  REVIEW: 'In review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
}

export const BOUNTY_PRIORITY_LABELS: Record<BountyPriority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
}

export const BOUNTY_SORT_LABELS: Record<BountySort, string> = {
  newest: 'Newest',
  reward: 'Highest reward',
  deadline: 'Deadline soonest',
}

export const BOUNTY_SORTS = ['newest', 'reward', 'deadline'] as const
export type BountySort = (typeof BOUNTY_SORTS)[number]

/**
 * One claim is one slot: a single-slot bounty is simply a bounty with one
 * claim at a time. IN_PROGRESS and REVIEW hold a slot; COMPLETED used one up;
 * ABANDONED and EXPIRED gave it back, and so did CANCELLED (a Leader
 * cancelled the bounty while it was worked on).
 */
export const CLAIM_STATUSES = [
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'ABANDONED',
  'EXPIRED',
  'CANCELLED',
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]
export const ACTIVE_CLAIM_STATUSES = ['IN_PROGRESS', 'REVIEW'] as const satisfies ClaimStatus[]

export const BOUNTY_EVENT_TYPES = [
  'created',
  'published',
  'funded',
  'updated',
  'claimed',
  'assigned',
  'submitted',
  'changes_requested',
  'approved',
  'paid',
  'abandoned',
  'cancelled',
  'refunded',
  'expired',
  'nudged',
  'claim_expired',
  'commented',
] as const
export type BountyEventType = (typeof BOUNTY_EVENT_TYPES)[number]

export const SUBMISSION_REVIEWS = ['PENDING', 'APPROVED', 'CHANGES_REQUESTED'] as const
export type SubmissionReview = (typeof SUBMISSION_REVIEWS)[number]
