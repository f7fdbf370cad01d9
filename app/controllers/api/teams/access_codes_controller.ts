import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import RegenerateAccessCode from '#actions/teams/regenerate_access_code'
import { serialize } from '#transformers/envelope'
import TeamTransformer from '#transformers/team_transformer'

/**
 * POST /teams/:id/access-code: a new code; the old one stops working.
 */
export default class AccessCodesController {
  async store({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('manageCode', team)
    const saved = await RegenerateAccessCode.handle(user, team)
    return serialize(TeamTransformer.transform(saved), { message: 'Access code replaced' })
  }
}
