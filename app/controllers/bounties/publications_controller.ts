import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import PublishBounty from '#actions/bounties/publish_bounty'

/**
 * A draft goes on the board; its reward moves into escrow.
 */
export default class PublicationsController {
  async store({ auth, params, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('publish', bounty)
    await PublishBounty.handle(user, bounty)
    session.flash(
      'success',
      `Bounty published: ${bounty.escrowAmount.format()} is held in escrow until the work is approved.`
    )
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
