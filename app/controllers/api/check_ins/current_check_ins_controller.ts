import type { HttpContext } from '@adonisjs/core/http'
import CheckIn from '#models/check_in'
import Team from '#models/team'
import CheckInPolicy from '#policies/check_in_policy'
import { currentCheckInValidator } from '#validators/check_in'
import { serialize } from '#transformers/envelope'
import CheckInTransformer from '#transformers/check_in_transformer'

/**
 * GET /checkins/current?teamId=: the caller's check-in for the team's
 * current week, or null while they have not checked in.
 */
export default class CurrentCheckInsController {
  async show({ auth, request, bouncer }: HttpContext) {
    const { teamId } = await request.validateUsing(currentCheckInValidator)
    const team = await Team.findOrFail(teamId)
    await bouncer.with(CheckInPolicy).authorize('viewTeam', team)
    const checkIn = await CheckIn.currentOf(auth.use('api').getUserOrFail(), team)
    return serialize(checkIn ? CheckInTransformer.transform(checkIn) : null)
  }
}
