import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import RegenerateAccessCode from '#actions/teams/regenerate_access_code'

/**
 * Replacing a team's access code: the old one stops working at once.
 */
export default class AccessCodesController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('manageCode', team)
    const saved = await RegenerateAccessCode.handle(user, team)
    session.flash('success', `New access code: ${saved.accessCode}. The old one no longer works.`)
    return response.redirect().toRoute('teams.edit', { id: team.id })
  }
}
