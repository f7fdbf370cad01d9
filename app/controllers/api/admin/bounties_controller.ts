import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyCard from '#models/bounty_card'
import BountyPolicy from '#policies/bounty_policy'
import DeleteBounty from '#actions/bounties/delete_bounty'
import { adminBountyFiltersValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * GET /admin/bounties: every bounty, team-only ones included (I3);
 * DELETE /admin/bounties/:id: removes one, refunding its escrow.
 */
export default class BountiesController {
  async index({ auth, request, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const {
      page = 1,
      limit = 20,
      draft,
      ...filters
    } = await request.validateUsing(adminBountyFiltersValidator, { data: request.qs() })
    const admin = auth.use('api').getUserOrFail()
    const list = await BountyCard.board(admin, { ...filters, drafts: draft }, page, limit)
    return serialize(BountyTransformer.paginate(list.all(), list.getMeta()))
  }

  async destroy({ auth, params, request, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const admin = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(admin, params.id)
    await DeleteBounty.handle(admin, bounty, { ip: request.ip() })
    return serialize(null, { message: 'Bounty deleted and its escrow refunded' })
  }
}
