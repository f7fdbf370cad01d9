import type { HttpContext } from '@adonisjs/core/http'
import BountyCard from '#models/bounty_card'

const PER_PAGE = 20

/**
 * "My drafts": bounties the member saved without publishing; nobody else
 * sees them (B1).
 */
export default class DraftsController {
  async index({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const page = Math.max(1, Number.parseInt(String(request.qs().page ?? '1'), 10) || 1)
    const drafts = await BountyCard.board(user, { drafts: true }, page, PER_PAGE)
    drafts.baseUrl(request.url())
    return view.render('pages/bounties/drafts', { drafts })
  }
}
