import type { HttpContext } from '@adonisjs/core/http'
import Bounty from '#models/bounty'
import BountySubmission from '#models/bounty_submission'
import BountyPolicy from '#policies/bounty_policy'
import SubmitWork from '#actions/bounties/submit_work'
import { submitWorkValidator } from '#validators/bounty'
import { serialize } from '#transformers/envelope'
import BountyTransformer from '#transformers/bounty_transformer'
import BountySubmissionTransformer from '#transformers/bounty_submission_transformer'

/**
 * Delivered work: GET /bounties/:id/submissions (reviewers see all, a
 * claimant their own) and POST /bounties/:id/submit.
 */
export default class SubmissionsController {
  async index({ auth, params, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    const seesAll = await bouncer.with(BountyPolicy).allows('viewSubmissions', bounty)
    const submissions = await BountySubmission.query()
      .where('bounty_id', bounty.id)
      .if(!seesAll, (query) => query.where('user_id', user.id))
      .preload('user')
      .preload('reviewedBy')
      .preload('attachments')
      .orderBy('created_at', 'desc')
    return serialize(BountySubmissionTransformer.transform(submissions))
  }

  async store({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(submitWorkValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('submit', bounty)
    await SubmitWork.handle(user, bounty, data)
    return serialize(BountyTransformer.transform(await Bounty.findVisibleOrFail(user, bounty.id)), {
      message: 'Work submitted for review',
    })
  }
}
