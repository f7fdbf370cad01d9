import { BaseTransformer } from '@adonisjs/core/transformers'
import type Attachment from '#models/attachment'

/**
 * A file as the API contract's "Files" fixes it; `url` downloads it through the access
 * check of GET /files/:id.
 */
export default class AttachmentTransformer extends BaseTransformer<Attachment> {
  toObject() {
    const file = this.resource
    return {
      id: file.id,
      filename: file.filename,
      url: file.url,
      fileSize: file.fileSize,
      mimeType: file.mimeType,
    }
  }
}
