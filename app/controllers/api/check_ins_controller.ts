import type { HttpContext } from '@adonisjs/core/http'
import CheckIn from '#models/check_in'
import Team from '#models/team'
import SubmitCheckIn from '#actions/checkins/submit_check_in'
import UpdateCheckIn from '#actions/checkins/update_check_in'
import DeleteCheckIn from '#actions/checkins/delete_check_in'
import CheckInPolicy from '#policies/check_in_policy'
import { createCheckInValidator, updateCheckInValidator } from '#validators/check_in'
import { serialize } from '#transformers/envelope'
import CheckInTransformer from '#transformers/check_in_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * The caller's weekly check-ins (F3).
 */
export default class CheckInsController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const history = await CheckIn.historyOf(auth.use('api').getUserOrFail()).paginate(page, limit)
    return serialize(CheckInTransformer.paginate(history.all(), history.getMeta()))
  }

  async store({ auth, request, response, bouncer }: HttpContext) {
    const { teamId, ...answers } = await request.validateUsing(createCheckInValidator)
    const team = await Team.find(teamId)
    await bouncer.with(CheckInPolicy).authorize('create', team)
    const checkIn = await SubmitCheckIn.handle(auth.use('api').getUserOrFail(), team!, answers)
    response.status(201)
    return serialize(CheckInTransformer.transform(checkIn), { message: 'Checked in' })
  }

  async update({ params, request, bouncer }: HttpContext) {
    const data = await request.validateUsing(updateCheckInValidator)
    const checkIn = await CheckIn.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('update', checkIn)
    return serialize(CheckInTransformer.transform(await UpdateCheckIn.handle(checkIn, data)))
  }

  async destroy({ params, bouncer }: HttpContext) {
    const checkIn = await CheckIn.findOrFail(params.id)
    await bouncer.with(CheckInPolicy).authorize('delete', checkIn)
    await DeleteCheckIn.handle(checkIn)
    return serialize(null, { message: 'Check-in deleted' })
  }
}
