import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountySubmission from '#models/bounty_submission'
import { renderMarkdown } from '#services/markdown'
import { BountyClaimFactory } from '#database/factories/bounty_claim_factory'
import { AttachmentFactory } from '#database/factories/attachment_factory'

/**
 * Work awaiting review, on a new claim in review (on a new published
 * bounty, or `bountyId`) unless `claimId` is given; bounty and member follow
 * the claim. State: `changesRequested` (reviewed by the poster, the claim
 * back in progress). No `approved`: that is a paid claim, which only
 * ApproveWork makes.
 */
export const BountySubmissionFactory = factory
  .define(BountySubmission, ({ faker }) => ({
    note: `${faker.lorem.sentence()}\n\n- ${faker.lorem.words(4)}`,
    review: 'PENDING' as const,
  }))
  .state('changesRequested', (submission) => {
    submission.review = 'CHANGES_REQUESTED'
    submission.reviewReason = 'Please cover the edge cases too.'
    submission.reviewedAt = DateTime.now()
  })
  .relation('attachments', () => AttachmentFactory)
  .after('make', (_, submission) => {
    submission.noteHtml = renderMarkdown(submission.note)
  })
  .before('create', async (_, submission, { $trx }) => {
    const trx = $trx!
    if (!submission.claimId) {
      const claims = BountyClaimFactory.client(trx).merge(
        submission.bountyId ? { bountyId: submission.bountyId } : {}
      )
      const inReview = submission.review === 'PENDING'
      const created = await (inReview ? claims.apply('review') : claims).create()
      submission.claimId = created.id
    }
    const claim = await BountyClaim.findOrFail(submission.claimId, { client: trx })
    submission.bountyId = claim.bountyId
    submission.userId = claim.userId
    if (submission.review === 'CHANGES_REQUESTED') {
      const bounty = await Bounty.findOrFail(claim.bountyId, { client: trx })
      submission.reviewedById ??= bounty.createdBy
    }
  })
  .build()
