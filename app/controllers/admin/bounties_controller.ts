import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyCard from '#models/bounty_card'
import Category from '#models/category'
import BountyPolicy from '#policies/bounty_policy'
import DeleteBounty from '#actions/bounties/delete_bounty'
import { BOUNTY_PRIORITIES, BOUNTY_STATUSES, BOUNTY_STATUS_LABELS } from '#enums/bounty'
import {
  ADMIN_BOUNTY_FILTER_KEYS,
  adminBountyFiltersValidator,
  boardFilterMessages,
} from '#validators/bounty'
import { readFilters } from '#validators/rules/filters'

const PER_PAGE = 25

/**
 * Every bounty for moderation (I3): the board's filters plus poster,
 * assignee and team; edit, cancel and delete from each row.
 */
export default class BountiesController {
  async index({ auth, request, view, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const { query, filters, problems } = await readFilters(
      adminBountyFiltersValidator,
      request.qs(),
      ADMIN_BOUNTY_FILTER_KEYS,
      boardFilterMessages
    )
    const { page = 1, draft, ...rest } = filters
    const [bounties, categories] = await Promise.all([
      BountyCard.board(auth.getUserOrFail(), { ...rest, drafts: draft }, page, PER_PAGE),
      Category.query().withScopes((scopes) => scopes.ordered()),
    ])
    const carried = { ...query }
    delete carried.page
    bounties.baseUrl(request.url()).queryString(carried)
    return view.render('pages/admin/bounties/index', {
      bounties,
      query: carried,
      problems,
      categories,
      statuses: BOUNTY_STATUSES.map((value) => ({ value, label: BOUNTY_STATUS_LABELS[value] })),
      priorities: BOUNTY_PRIORITIES,
    })
  }

  /**
   * Deletes a bounty nobody works on and nobody was paid for, refunding
   * its escrow (DeleteBounty audits it).
   */
  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const admin = auth.getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(admin, params.id)
    await DeleteBounty.handle(admin, bounty, { ip: request.ip() })
    session.flash('success', `“${bounty.title}” was deleted and its escrow refunded.`)
    return response.redirect().back()
  }
}
