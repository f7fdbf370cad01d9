import { BaseTransformer } from '@adonisjs/core/transformers'
import type BountySubmission from '#models/bounty_submission'
import AttachmentTransformer from '#transformers/attachment_transformer'

/**
 * Delivered work and its review. Needs `user`, `reviewedBy` and
 * `attachments` loaded.
 */
export default class BountySubmissionTransformer extends BaseTransformer<BountySubmission> {
  toObject() {
    const submission = this.resource
    const reviewer = submission.reviewedBy ?? null
    return {
      id: submission.id,
      claimId: submission.claimId,
      user: { id: submission.user.id, username: submission.user.username },
      note: submission.note,
      noteHtml: submission.noteHtml,
      review: submission.review,
      reviewReason: submission.reviewReason,
      reviewedBy: reviewer ? { id: reviewer.id, username: reviewer.username } : null,
      reviewedAt: submission.reviewedAt?.toUTC().toISO() ?? null,
      attachments: AttachmentTransformer.transform(submission.attachments),
      createdAt: submission.createdAt.toUTC().toISO()!,
    }
  }
}
