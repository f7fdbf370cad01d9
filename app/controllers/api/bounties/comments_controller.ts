import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import BountyPolicy from '#policies/bounty_policy'
import AddComment from '#actions/bounties/add_comment'
import { createCommentValidator } from '#validators/comment'
import { serialize } from '#transformers/envelope'
import CommentTransformer from '#transformers/comment_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * GET /bounties/:id/comments (oldest first, paginated) and POST.
 */
export default class CommentsController {
  async index({ auth, params, request }: HttpContext) {
    const { page = 1, limit = 50 } = await request.validateUsing(listPageValidator)
    const bounty = await Bounty.findVisibleOrFail(auth.use('api').getUserOrFail(), params.id)
    const comments = await BountyComment.query()
      .where('bounty_id', bounty.id)
      .preload('author')
      .preload('attachments')
      .orderBy('created_at')
      .orderBy('id')
      .paginate(page, limit)
    return serialize(CommentTransformer.paginate(comments.all(), comments.getMeta()))
  }

  async store({ auth, params, request, response, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(createCommentValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('comment', bounty)
    const comment = await AddComment.handle(user, bounty, data)
    await comment.load('attachments')
    response.status(201)
    return serialize(CommentTransformer.transform(comment), { message: 'Comment added' })
  }
}
