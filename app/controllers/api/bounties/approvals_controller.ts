import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import ApproveWork from '#actions/bounties/approve_work'
import { approveWorkValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * POST /bounties/:id/approve: the work is accepted and paid from escrow.
 */
export default class ApprovalsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(approveWorkValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('approve', bounty)
    await ApproveWork.handle(user, bounty, data)
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'Work approved and the reward paid',
    })
  }
}
