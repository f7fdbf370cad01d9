import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import RequestChanges from '#actions/bounties/request_changes'
import { requestChangesValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * POST /bounties/:id/request-changes: the work goes back with a reason.
 */
export default class ChangeRequestsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(requestChangesValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('requestChanges', bounty)
    await RequestChanges.handle(user, bounty, data)
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'Changes requested',
    })
  }
}
