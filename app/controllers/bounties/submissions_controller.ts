import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountyPolicy from '#policies/bounty_policy'
import SubmitWorkWithFiles from '#actions/bounties/submit_work_with_files'
import { submitWorkFormValidator } from '#validators/bounty'

/**
 * The assignee delivers: a note and files, sent for review.
 */
export default class SubmissionsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(submitWorkFormValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('submit', bounty)
    await SubmitWorkWithFiles.handle(user, bounty, data)
    session.flash('success', 'Work submitted for review.')
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }
}
