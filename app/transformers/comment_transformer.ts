import { BaseTransformer } from '@adonisjs/core/transformers'
import type BountyComment from '#models/bounty_comment'
import AttachmentTransformer from '#transformers/attachment_transformer'

/**
 * A comment: the author's markdown and its sanitised HTML (the only form to
 * put on a page). Needs `author` and `attachments` loaded.
 */
export default class CommentTransformer extends BaseTransformer<BountyComment> {
  toObject() {
    const comment = this.resource
    return {
      id: comment.id,
      bountyId: comment.bountyId,
      content: comment.content,
      contentHtml: comment.contentHtml,
      author: { id: comment.author.id, username: comment.author.username },
      attachments: AttachmentTransformer.transform(comment.attachments ?? []),
      createdAt: comment.createdAt.toUTC().toISO()!,
      updatedAt: comment.updatedAt.toUTC().toISO()!,
    }
  }
}
