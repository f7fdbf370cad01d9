import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import User from '#models/user'
import BountyPolicy from '#policies/bounty_policy'
import AssignBounty from '#actions/bounties/assign_bounty'
import { assignBountyFormValidator } from '#validators/bounty'

/**
 * The poster, a Pillar or a Leader hands a slot to a member by username.
 */
export default class AssignmentsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { username } = await request.validateUsing(assignBountyFormValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('assign', bounty)
    const assignee = await User.query()
      .withScopes((scopes) => scopes.named(username))
      .firstOrFail()
    await AssignBounty.handle(user, bounty, assignee)
    session.flash('success', `Assigned to @${assignee.username}.`)
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
