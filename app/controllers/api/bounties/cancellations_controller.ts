import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import CancelBounty from '#actions/bounties/cancel_bounty'
import { cancelBountyValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * POST /bounties/:id/cancel: called off, unused escrow refunded.
 */
export default class CancellationsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(cancelBountyValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('cancel', bounty)
    await CancelBounty.handle(user, bounty, data, { ip: request.ip() })
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'Bounty cancelled and its escrow refunded',
    })
  }
}
