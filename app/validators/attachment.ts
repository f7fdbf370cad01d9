import vine from '@vinejs/vine'
import { ATTACHMENT_TYPES } from '#models/attachment'
import { uuid } from '#validators/rules/uuid'

/**
 * An upload (B6): at most 10 MB of an allowed type, for a bounty or a
 * comment, or on its own to be named by a submission later. The extension
 * is checked here; StoreAttachment then checks what the bytes really are.
 */
export const uploadAttachmentValidator = vine.create({
  file: vine.file({ size: '10mb', extnames: Object.keys(ATTACHMENT_TYPES) }),
  bountyId: uuid().optional(),
  commentId: uuid().optional(),
})
