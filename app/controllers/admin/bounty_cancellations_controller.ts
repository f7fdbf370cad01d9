import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import CancelBounty from '#actions/bounties/cancel_bounty'
import { cancelBountyValidator } from '#validators/bounty'

/**
 * Cancelling from the admin list (I3): the same action as the poster's,
 * refunding escrow and audited, then back to the list.
 */
export default class BountyCancellationsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const admin = auth.getUserOrFail()
    const data = await request.validateUsing(cancelBountyValidator)
    const bounty = await Bounty.findVisibleOrFail(admin, params.id)
    await CancelBounty.handle(admin, bounty, data, { ip: request.ip() })
    session.flash('success', `“${bounty.title}” was cancelled and its escrow refunded.`)
    return response.redirect().back()
  }
}
