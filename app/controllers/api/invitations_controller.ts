import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import { serialize } from '#transformers/envelope'
import TeamInvitationTransformer from '#transformers/team_invitation_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * GET /invitations: the caller's pending invitations.
 */
export default class InvitationsController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const user = auth.use('api').getUserOrFail()
    const pending = await TeamInvitation.pendingFor(user.id).paginate(page, limit)
    return serialize(TeamInvitationTransformer.paginate(pending.all(), pending.getMeta()))
  }
}
