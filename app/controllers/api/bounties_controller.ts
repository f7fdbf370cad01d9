import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyCard from '#models/bounty_card'
import BountyPolicy from '#policies/bounty_policy'
import CreateBounty from '#actions/bounties/create_bounty'
import UpdateBounty from '#actions/bounties/update_bounty'
import DeleteBounty from '#actions/bounties/delete_bounty'
import {
  boardFiltersValidator,
  createBountyValidator,
  updateBountyValidator,
} from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'

/**
 * The board and a bounty's own record (the API contract's "Bounties").
 */
export default class BountiesController {
  async index({ auth, request }: HttpContext) {
    const {
      page = 1,
      limit = 20,
      draft,
      ...filters
    } = await request.validateUsing(boardFiltersValidator)
    const user = auth.use('api').getUserOrFail()
    const board = await BountyCard.board(user, { ...filters, drafts: draft }, page, limit)
    return serialize(BountyTransformer.paginate(board.all(), board.getMeta()))
  }

  /**
   * Posts a bounty; unless it is a draft its reward is escrowed at once.
   */
  async store({ auth, request, response, bouncer }: HttpContext) {
    const data = await request.validateUsing(createBountyValidator)
    await bouncer.with(BountyPolicy).authorize('create')
    if (data.teamId) await bouncer.with(BountyPolicy).authorize('postInTeam', data.teamId)
    const user = auth.use('api').getUserOrFail()
    const bounty = await CreateBounty.handle(user, data)
    response.status(201)
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: bounty.isDraft ? 'Draft saved' : 'Bounty published and its reward escrowed',
    })
  }

  async show({ auth, params }: HttpContext) {
    const bounty = await Bounty.findVisibleOrFail(auth.use('api').getUserOrFail(), params.id)
    await bounty.load('attachments')
    return serialize(BountyTransformer.transform(bounty).useVariant('toDetail'))
  }

  async update({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(updateBountyValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('update', bounty)
    if (data.teamId && data.teamId !== bounty.teamId) {
      await bouncer.with(BountyPolicy).authorize('postInTeam', data.teamId)
    }
    if (data.draft === false && bounty.isDraft) {
      await bouncer.with(BountyPolicy).authorize('publish', bounty)
    }
    await UpdateBounty.handle(user, bounty, data, { ip: request.ip() })
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'Bounty updated',
    })
  }

  async destroy({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('delete', bounty)
    await DeleteBounty.handle(user, bounty, { ip: request.ip() })
    return serialize(null, { message: 'Bounty deleted' })
  }
}
