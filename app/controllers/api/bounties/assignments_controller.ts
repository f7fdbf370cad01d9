import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import User from '#models/user'
import BountyPolicy from '#policies/bounty_policy'
import AssignBounty from '#actions/bounties/assign_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import AbandonBounty from '#actions/bounties/abandon_bounty'
import { assignBountyValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * Who works on a bounty: POST /bounties/:id/assign (store: claim it, or
 * assign `userId`) and POST /bounties/:id/unassign (destroy: the assignee
 * abandons).
 */
export default class AssignmentsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const { userId } = await request.validateUsing(assignBountyValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)

    if (!userId || userId === user.id) {
      await bouncer.with(BountyPolicy).authorize('claim', bounty)
      await ClaimBounty.handle(user, bounty)
    } else {
      await bouncer.with(BountyPolicy).authorize('assign', bounty)
      await AssignBounty.handle(user, bounty, await User.findOrFail(userId))
    }
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: userId && userId !== user.id ? 'Bounty assigned' : 'Bounty claimed',
    })
  }

  async destroy({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('abandon', bounty)
    await AbandonBounty.handle(user, bounty)
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'You are no longer working on this bounty',
    })
  }
}
