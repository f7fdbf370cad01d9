import type { HttpContext } from '@adonisjs/core/http'
import TeamInvitation from '#models/team_invitation'
import { listTeamsValidator } from '#validators/team'
import { serialize } from '#transformers/envelope'
import TeamInvitationTransformer from '#transformers/team_invitation_transformer'

/**
 * GET /invitations: the caller's pending invitations.
 */
export default class InvitationsController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listTeamsValidator)
    const user = auth.use('api').getUserOrFail()
    const pending = await TeamInvitation.pendingFor(user.id).paginate(page, limit)
    return serialize(TeamInvitationTransformer.paginate(pending.all(), pending.getMeta()))
  }
}
