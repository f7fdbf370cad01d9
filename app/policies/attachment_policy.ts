import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Attachment from '#models/attachment'
import type User from '#models/user'

const NOT_FOUND = () => AuthorizationResponse.deny('Not found', 404)

/**
 * Files follow what they are attached to: a bounty's and its comments'
 * files show to whoever may see the bounty; a submission's files to its
 * author and the bounty's reviewers; a file attached to nothing yet only to
 * its uploader. Having uploaded a file gives no sight of a team-only
 * bounty's files once one is no longer in its team (F2). Whoever may not see a file is told it does not exist.
 *
 * Expects `bounty` (with its live claims) and `submission` preloaded when
 * set (FilesController does).
 */
export default class AttachmentPolicy extends BasePolicy {
  async view(user: User, attachment: Attachment): Promise<AuthorizerResponse> {
    const bounty = attachment.bounty
    if (attachment.isUploadedBy(user) && !bounty) return true
    if (!bounty || !(await bounty.isVisibleTo(user))) return NOT_FOUND()
    if (attachment.submissionId) {
      const seesWork = attachment.isUploadedBy(user) || (await bounty.isReviewableBy(user))
      return seesWork || NOT_FOUND()
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
