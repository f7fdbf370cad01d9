import { DateTime } from 'luxon'
import { BountyClaimSchema } from '#database/schema'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { DomainError } from '#exceptions/domain_error'
import type { ClaimStatus } from '#enums/bounty'
import { isActiveClaimStatus } from '#models/bounty_rules'
import Bounty from '#models/bounty'
import BountySubmission from '#models/bounty_submission'
import User from '#models/user'

/**
 * How long a nudged claim stays silent before it expires (K2).
 */
export const STALE_CLAIM_GRACE_DAYS = 3

type ClaimTransition =
  'submit' | 'approve' | 'requestChanges' | 'abandon' | 'expire' | 'nudge' | 'cancel'

/**
 * From which status each move of a claim is allowed (B3, K2).
 */
const ALLOWED_FROM: Record<ClaimTransition, ClaimStatus[]> = {
  submit: ['IN_PROGRESS'],
  approve: ['REVIEW'],
  requestChanges: ['REVIEW'],
  abandon: ['IN_PROGRESS'],
  expire: ['IN_PROGRESS'],
  nudge: ['IN_PROGRESS'],
  cancel: ['IN_PROGRESS', 'REVIEW'],
}

/**
 * Why a move is refused, in words a member understands.
 */
function refusal(transition: ClaimTransition, status: ClaimStatus): string {
  if (status === 'COMPLETED') return 'This work was already approved and paid'
  if (status === 'CANCELLED') return 'This claim has ended (its bounty was cancelled)'
  if (status === 'ABANDONED' || status === 'EXPIRED') {
    return `This claim has ended (${status === 'ABANDONED' ? 'abandoned' : 'expired'})`
  }
  if (transition === 'submit') return 'Your work was already submitted and is awaiting review'
  if (transition === 'abandon') {
    return 'Your work is awaiting review: it can be abandoned once changes are requested'
  }
  if (transition === 'approve' || transition === 'requestChanges') {
    return 'There is no submitted work to review yet: the assignee is still working on it'
  }
  return 'This claim is awaiting review'
}

/**
 * One member's slot on a bounty: they claimed it (or were assigned),
 * deliver, are reviewed and are paid on their own. Every change happens
 * while the bounty's row is locked, so the bounty and its claims always
 * move together.
 */
export default class BountyClaim extends BountyClaimSchema {
  @column()
  declare status: ClaimStatus

  @belongsTo(() => Bounty)
  declare bounty: BelongsTo<typeof Bounty>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'assignedById' })
  declare assignedBy: BelongsTo<typeof User>

  @hasMany(() => BountySubmission, { foreignKey: 'claimId' })
  declare submissions: HasMany<typeof BountySubmission>

  get isActive() {
    return isActiveClaimStatus(this.status)
  }

  get isInReview() {
    return this.status === 'REVIEW'
  }

  get isCompleted() {
    return this.status === 'COMPLETED'
  }

  isHeldBy(user: { id: string }) {
    return this.userId === user.id
  }

  /**
   * Stale (K2): still in progress and silent for the bounty's claim window.
   */
  isStale(windowDays: number, now = DateTime.now()) {
    return this.status === 'IN_PROGRESS' && this.lastActivityAt < now.minus({ days: windowDays })
  }

  assertCan(transition: ClaimTransition) {
    if (!ALLOWED_FROM[transition].includes(this.status)) {
      throw new DomainError('INVALID_TRANSITION', refusal(transition, this.status))
    }
  }

  submit() {
    this.assertCan('submit')
    this.status = 'REVIEW'
    this.submittedAt = DateTime.now()
    this.touch()
  }

  approve(payoutEntryId: string) {
    this.assertCan('approve')
    this.status = 'COMPLETED'
    this.completedAt = DateTime.now()
    this.payoutEntryId = payoutEntryId
  }

  requestChanges() {
    this.assertCan('requestChanges')
    this.status = 'IN_PROGRESS'
    this.touch()
  }

  abandon() {
    this.assertCan('abandon')
    this.status = 'ABANDONED'
    this.endedAt = DateTime.now()
  }

  expire() {
    this.assertCan('expire')
    this.status = 'EXPIRED'
    this.endedAt = DateTime.now()
  }

  /**
   * A Leader cancelled the bounty while this claim was worked on (I3).
   */
  cancel() {
    this.assertCan('cancel')
    this.status = 'CANCELLED'
    this.endedAt = DateTime.now()
  }

  nudge() {
    this.assertCan('nudge')
    this.nudgedAt = DateTime.now()
  }

  /**
   * The claimant (or their reviewer) did something: the stale clock restarts.
   */
  touch() {
    this.lastActivityAt = DateTime.now()
    this.nudgedAt = null
  }
}
