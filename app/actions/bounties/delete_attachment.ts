import drive from '@adonisjs/drive/services/main'
import type Attachment from '#models/attachment'

/**
 * Removes a file: the row first, so a failure to delete the bytes leaves
 * an unreachable file rather than a record pointing at nothing.
 */
export default class DeleteAttachment {
  static async handle(attachment: Attachment) {
    await attachment.delete()
    await drive.use().delete(attachment.storageKey)
  }
}
