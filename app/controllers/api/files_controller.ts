import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { DomainError } from '#exceptions/domain_error'
import Attachment from '#models/attachment'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import AttachmentPolicy from '#policies/attachment_policy'
import BountyPolicy from '#policies/bounty_policy'
import StoreAttachment from '#actions/bounties/store_attachment'
import DeleteAttachment from '#actions/bounties/delete_attachment'
import { uploadAttachmentValidator } from '#validators/attachment'
import { serialize } from '#transformers/envelope'
import AttachmentTransformer from '#transformers/attachment_transformer'

/**
 * Files (the API contract's "Files", B6): upload, download through the access check,
 * delete.
 */
export default class FilesController {
  async store({ auth, request, response, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const { file, bountyId, commentId } = await request.validateUsing(uploadAttachmentValidator)
    const target: { bounty?: Bounty; comment?: BountyComment } = {}

    if (commentId) {
      const comment = await BountyComment.findOrFail(commentId)
      const bounty = await Bounty.findVisibleOrFail(user, comment.bountyId)
      await bouncer.with(BountyPolicy).authorize('comment', bounty)
      if (!comment.isWrittenBy(user)) {
        throw new DomainError('FORBIDDEN', 'Only its author can add files to a comment')
      }
      target.comment = comment
    } else if (bountyId) {
      target.bounty = await Bounty.findVisibleOrFail(user, bountyId)
      await bouncer.with(BountyPolicy).authorize('attach', target.bounty)
    }

    const attachment = await StoreAttachment.handle(user, file, target)
    response.status(201)
    return serialize(AttachmentTransformer.transform(attachment), { message: 'File uploaded' })
  }

  /**
   * Streams the bytes with headers that keep them inert: the stored type
   * (never the client's), download unless an image, no sniffing, and a
   * sandbox for good measure.
   */
  async show({ params, response, bouncer }: HttpContext) {
    const attachment = await this.load(params.id)
    await bouncer.with(AttachmentPolicy).authorize('view', attachment)
    response.header('Content-Type', attachment.contentType)
    response.header('Content-Disposition', attachment.contentDisposition)
    response.header('Content-Length', attachment.fileSize)
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cache-Control', 'private, no-store')
    response.stream(await drive.use().getStream(attachment.storageKey))
  }

  async destroy({ params, bouncer }: HttpContext) {
    const attachment = await this.load(params.id)
    await bouncer.with(AttachmentPolicy).authorize('view', attachment)
    await bouncer.with(AttachmentPolicy).authorize('delete', attachment)
    await DeleteAttachment.handle(attachment)
    return serialize(null, { message: 'File deleted' })
  }

  private async load(id: string) {
    return Attachment.query()
      .where('id', id)
      .preload('bounty', (bounty) => bounty.whereNull('deleted_at').preload('liveClaims'))
      .firstOrFail()
  }
}
