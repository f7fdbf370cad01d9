import type { HttpContext } from '@adonisjs/core/http'
import TeamMembership from '#models/team_membership'
import { updateWatchLevelValidator } from '#validators/notification'
import { serialize } from '#transformers/envelope'
import NotificationWatchTransformer from '#transformers/notification_watch_transformer'

/**
 * GET/PUT /teams/:id/watch-level: the caller's watch level on their team's
 * new bounties (K10). Members only: anyone else gets a 404.
 */
export default class WatchLevelsController {
  async show({ auth, params }: HttpContext) {
    const membership = await TeamMembership.ofOrFail(params.id, auth.use('api').getUserOrFail().id)
    return serialize(watchOf(membership))
  }

  async update({ auth, params, request }: HttpContext) {
    const membership = await TeamMembership.ofOrFail(params.id, auth.use('api').getUserOrFail().id)
    const { level } = await request.validateUsing(updateWatchLevelValidator)
    await membership.setWatchLevel(level)
    return serialize(watchOf(membership))
  }
}

function watchOf(membership: TeamMembership) {
  return NotificationWatchTransformer.transform({
    subject: 'team',
    id: membership.teamId,
    level: membership.watchLevelOrNormal,
  })
}
