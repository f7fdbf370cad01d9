import { randomUUID } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import Attachment, { MAX_ATTACHMENT_BYTES } from '#models/attachment'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import BountySubmission from '#models/bounty_submission'
import { UserFactory } from '#database/factories/user_factory'

/**
 * The row of an uploaded PNG (no bytes are written to the drive disk). On
 * its own it is a fresh member's upload attached to nothing yet; made
 * through a bounty, comment or submission (`with('attachments')`) it takes
 * that bounty and, unless `userId` is given, that author. State: `pdf`.
 */
export const AttachmentFactory = factory
  .define(Attachment, ({ faker }) => ({
    filename: `${faker.system.fileName({ extensionCount: 0 })}.png`,
    storageKey: `attachments/${randomUUID()}.png`,
    fileSize: faker.number.int({ min: 1, max: MAX_ATTACHMENT_BYTES }),
    mimeType: 'image/png',
    bountyId: null,
    commentId: null,
    submissionId: null,
  }))
  .state('pdf', (attachment) => {
    attachment.filename = attachment.filename.replace(/\.png$/, '.pdf')
    attachment.storageKey = attachment.storageKey.replace(/\.png$/, '.pdf')
    attachment.mimeType = 'application/pdf'
  })
  .before('create', async (_, attachment, { $trx }) => {
    const trx = $trx!
    const owner = attachment.submissionId
      ? await BountySubmission.findOrFail(attachment.submissionId, { client: trx })
      : attachment.commentId
        ? await BountyComment.findOrFail(attachment.commentId, { client: trx })
        : null
    if (owner) {
      attachment.bountyId ??= owner.bountyId
      attachment.userId ??= owner.userId
    }
    if (!attachment.userId && attachment.bountyId) {
      const bounty = await Bounty.findOrFail(attachment.bountyId, { client: trx })
      attachment.userId = bounty.createdBy
    }
    if (!attachment.userId) {
      const uploader = await UserFactory.client(trx).apply('verified').create()
      attachment.userId = uploader.id
    }
  })
  .build()
