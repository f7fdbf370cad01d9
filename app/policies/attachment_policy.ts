import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Attachment from '#models/attachment'
import type User from '#models/user'

const NOT_FOUND = () => AuthorizationResponse.deny('Not found', 404)

/**
 * Files follow what they are attached to: a bounty's and its comments'
 * files show to whoever may see the bounty; a submission's files to its
 * author and the bounty's reviewers; a file attached to nothing yet only to
 * its uploader. Whoever may not see a file is told it does not exist.
 *
 * Expects `bounty` (with its live claims) and `submission` preloaded when
 * set (FilesController does).
 */
export default class AttachmentPolicy extends BasePolicy {
  view(user: User, attachment: Attachment): AuthorizerResponse {
    if (attachment.isUploadedBy(user)) return true
    const bounty = attachment.bounty
    if (!bounty || !bounty.isVisibleTo(user)) return NOT_FOUND()
    if (attachment.submissionId) {
      const isReviewer = bounty.isPostedBy(user) || user.isPillar || user.isAdmin
      return isReviewer || NOT_FOUND()
    }
    return true
  }

  /**
   * Delivered work stays as evidence: only a Leader removes a submission's
   * file. Other files go with their uploader's (or a Leader's) say-so.
   */
  delete(user: User, attachment: Attachment): AuthorizerResponse {
    if (user.isAdmin) return true
    if (!attachment.isUploadedBy(user)) {
      return AuthorizationResponse.deny('Only the uploader can delete this file')
    }
    return (
      !attachment.submissionId ||
      AuthorizationResponse.deny('Files of submitted work cannot be deleted')
    )
  }
}
