import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import ApproveWork from '#actions/bounties/approve_work'
import { approveWorkValidator } from '#validators/bounty'

/**
 * The work is accepted: escrow pays the claimant at once. Pressing twice
 * pays once (the second press is told the work was already paid).
 */
export default class ApprovalsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(approveWorkValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('approve', bounty)
    await ApproveWork.handle(user, bounty, data)
    session.flash('success', `Work approved: ${bounty.bountyAmount.format()} paid from escrow.`)
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
