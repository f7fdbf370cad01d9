import type { HttpContext } from '@adonisjs/core/http'
import TagPolicy from '#policies/tag_policy'
import MergeTags from '#actions/taxonomy/merge_tags'
import { mergeTagsValidator } from '#validators/taxonomy'

/**
 * Merging one tag into another (I5).
 */
export default class TagMergesController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(TagPolicy).authorize('manage')
    const { sourceId, targetId } = await request.validateUsing(mergeTagsValidator)
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const { source, target } = await MergeTags.handle(actor, sourceId, targetId)
    session.flash('success', `“${source.name}” was merged into “${target.name}”.`)
    return response.redirect().toRoute('admin.taxonomy.index')
  }
}
