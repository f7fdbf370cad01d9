import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import RequestChanges from '#actions/bounties/request_changes'
import { requestChangesValidator } from '#validators/bounty'

/**
 * Submitted work goes back to its author with a reason.
 */
export default class ChangeRequestsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(requestChangesValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('requestChanges', bounty)
    await RequestChanges.handle(user, bounty, data)
    session.flash('success', 'Changes requested: the work is back in progress.')
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
