import { DateTime } from 'luxon'
import { BountySubmissionSchema } from '#database/schema'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { SubmissionReview } from '#enums/bounty'
import Attachment from '#models/attachment'
import BountyClaim from '#models/bounty_claim'
import User from '#models/user'

/**
 * One delivery of work on a claim (a note and attachments) and how its
 * review went.
 */
export default class BountySubmission extends BountySubmissionSchema {
  @column()
  declare review: SubmissionReview

  @belongsTo(() => BountyClaim, { foreignKey: 'claimId' })
  declare claim: BelongsTo<typeof BountyClaim>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'reviewedById' })
  declare reviewedBy: BelongsTo<typeof User>

  @hasMany(() => Attachment, { foreignKey: 'submissionId' })
  declare attachments: HasMany<typeof Attachment>

  get isPending() {
    return this.review === 'PENDING'
  }

  markApproved(reviewer: User) {
    this.review = 'APPROVED'
    this.reviewedById = reviewer.id
    this.reviewedAt = DateTime.now()
  }

  markChangesRequested(reviewer: User, reason: string) {
    this.review = 'CHANGES_REQUESTED'
    this.reviewReason = reason
    this.reviewedById = reviewer.id
    this.reviewedAt = DateTime.now()
  }
}
