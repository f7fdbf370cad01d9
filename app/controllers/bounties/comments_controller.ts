import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import AddComment from '#actions/bounties/add_comment'
import { createCommentValidator } from '#validators/comment'

/**
 * A markdown comment; members named with @username are notified.
 */
export default class CommentsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(createCommentValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('comment', bounty)
    const comment = await AddComment.handle(user, bounty, data)
    session.flash('success', 'Comment added.')
    return response
      .redirect()
      .toPath(`${urlFor('bounties.show', { id: bounty.id })}#comment-${comment.id}`)
  }
}
