import type { HttpContext } from '@adonisjs/core/http'
import TeamMembership from '#models/team_membership'
import { WATCH_LEVEL_LABELS } from '#enums/notification'
import { updateWatchLevelValidator } from '#validators/notification'

/**
 * The member's watch level on their team's new bounties (K10), from the
 * team board. Only a member has one: anyone else gets a 404.
 */
export default class WatchLevelsController {
  async update({ auth, params, request, response, session }: HttpContext) {
    const membership = await TeamMembership.ofOrFail(params.id, auth.use('web').getUserOrFail().id)
    const { level } = await request.validateUsing(updateWatchLevelValidator)
    await membership.setWatchLevel(level)
    session.flash('success', `New team bounties: ${WATCH_LEVEL_LABELS[level].toLowerCase()}.`)
    return response.redirect().toRoute('bounties.index', {}, { qs: { teamId: params.id } })
  }
}
