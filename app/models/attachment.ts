import { AttachmentSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import BountySubmission from '#models/bounty_submission'
import User from '#models/user'

/**
 * Largest file a member may upload (B6).
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/**
 * What may be uploaded, by the type its bytes show (not the name or the
 * header the client sent). Text has no signature: it is accepted by
 * extension and always stored and served as plain text.
 */
export const ATTACHMENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  txt: 'text/plain',
  md: 'text/plain',
  csv: 'text/plain',
  log: 'text/plain',
}
export const TEXT_EXTENSIONS = ['txt', 'md', 'csv', 'log']

/**
 * A file on a bounty, a comment or a submission,
 * or a fresh upload not attached to anything yet.
 */
export default class Attachment extends AttachmentSchema {
  @belongsTo(() => Bounty)
  declare bounty: BelongsTo<typeof Bounty>

  @belongsTo(() => BountyComment, { foreignKey: 'commentId' })
  declare comment: BelongsTo<typeof BountyComment>

  @belongsTo(() => BountySubmission, { foreignKey: 'submissionId' })
  declare submission: BelongsTo<typeof BountySubmission>

  @belongsTo(() => User)
  declare uploader: BelongsTo<typeof User>

  get isImage() {
    return this.mimeType.startsWith('image/')
  }

  get url() {
    return `/api/v1/files/${this.id}`
  }

  isUploadedBy(user: { id: string }) {
    return this.userId === user.id
  }

  /**
   * Only images are shown in the page; everything else downloads, so an
   * uploaded document can never run as part of Corps. The name is reduced
   * to safe characters for the plain parameter and kept in full (UTF-8)
   * for browsers that read `filename*`.
   */
  get contentDisposition() {
    const type = this.isImage ? 'inline' : 'attachment'
    const plain = this.filename.replace(/[^\w.\- ]+/g, '_')
    return `${type}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(this.filename)}`
  }

  get contentType() {
    return this.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : this.mimeType
  }
}
