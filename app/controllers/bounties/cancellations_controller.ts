import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import CancelBounty from '#actions/bounties/cancel_bounty'
import { cancelBountyValidator } from '#validators/bounty'

/**
 * The poster (or a Leader) calls a bounty off; unused escrow comes back.
 */
export default class CancellationsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(cancelBountyValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('cancel', bounty)
    await CancelBounty.handle(user, bounty, data, { ip: request.ip() })
    session.flash(
      'success',
      'Bounty cancelled. Its unused escrow went back to the poster’s wallet.'
    )
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
