import type { HttpContext } from '@adonisjs/core/http'
import Attachment from '#models/attachment'
import Bounty from '#models/bounty'
import AttachmentPolicy from '#policies/attachment_policy'
import BountyPolicy from '#policies/bounty_policy'
import StoreAttachment from '#actions/bounties/store_attachment'
import DeleteAttachment from '#actions/bounties/delete_attachment'
import { uploadAttachmentValidator } from '#validators/attachment'
import { uploadFormMessages } from '#validators/bounty'

/**
 * Files of the bounty itself, added by its poster (B6). Downloads go
 * through `files.show`, with the same access checks as the API.
 */
export default class AttachmentsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { file } = await request.validateUsing(uploadAttachmentValidator, {
      messagesProvider: uploadFormMessages,
    })
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('attach', bounty)
    const attachment = await StoreAttachment.handle(user, file, { bounty })
    session.flash('success', `${attachment.filename} added.`)
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }

  async destroy({ params, response, session, bouncer }: HttpContext) {
    const attachment = await Attachment.query()
      .where('id', params.id)
      .preload('bounty', (bounty) => bounty.whereNull('deleted_at').preload('liveClaims'))
      .firstOrFail()
    await bouncer.with(AttachmentPolicy).authorize('view', attachment)
    await bouncer.with(AttachmentPolicy).authorize('delete', attachment)
    await DeleteAttachment.handle(attachment)
    session.flash('success', `${attachment.filename} deleted.`)
    return response.redirect().back()
  }
}
