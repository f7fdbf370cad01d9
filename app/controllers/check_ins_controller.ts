import type { HttpContext } from '@adonisjs/core/http'
import CheckIn from '#models/check_in'
import UpdateCheckIn from '#actions/checkins/update_check_in'
import DeleteCheckIn from '#actions/checkins/delete_check_in'
import CheckInPolicy from '#policies/check_in_policy'
import { updateCheckInValidator } from '#validators/check_in'

/**
 * A member changes or withdraws their check-in while its week lasts.
 */
export default class CheckInsController {
  async update({ params, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(updateCheckInValidator)
    const checkIn = await CheckIn.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('update', checkIn)
    // An unticked checkbox is not sent: on the form it means "not private".
    await UpdateCheckIn.handle(checkIn, { ...data, isPrivate: data.isPrivate ?? false })
    session.flash('success', 'Check-in updated.')
    return response.redirect().toRoute('team_checkins.index', { id: checkIn.teamId })
  }

  async destroy({ params, response, session, bouncer }: HttpContext) {
    const checkIn = await CheckIn.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('delete', checkIn)
    await DeleteCheckIn.handle(checkIn)
    session.flash('success', 'Check-in deleted. You can check in again this week.')
    return response.redirect().toRoute('team_checkins.index', { id: checkIn.teamId })
  }
}
