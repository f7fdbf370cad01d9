import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import ClaimBounty from '#actions/bounties/claim_bounty'
import AbandonBounty from '#actions/bounties/abandon_bounty'

/**
 * The signed-in member's own slot on a bounty: store claims it, destroy
 * abandons it (B3).
 */
export default class ClaimsController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('claim', bounty)
    await ClaimBounty.handle(user, bounty)
    session.flash('success', 'It is yours: submit your work here when it is ready.')
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }

  async destroy({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('abandon', bounty)
    await AbandonBounty.handle(user, bounty)
    session.flash('success', 'You are no longer working on this bounty.')
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
