import type { HttpContext } from '@adonisjs/core/http'
import Tag from '#models/tag'
import TagPolicy from '#policies/tag_policy'
import UpdateTag from '#actions/taxonomy/update_tag'
import DeleteTag from '#actions/taxonomy/delete_tag'
import { updateTagValidator } from '#validators/taxonomy'

/**
 * Renaming, recolouring and deleting a tag (I5).
 */
export default class TagsController {
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(TagPolicy).authorize('manage')
    const tag = await Tag.findOrFail(params.id)
    const data = await request.validateUsing(updateTagValidator)
    const saved = await UpdateTag.handle(
      { user: auth.getUserOrFail(), ip: request.ip() },
      tag,
      data
    )
    session.flash('success', `Tag “${saved.name}” saved.`)
    return response.redirect().toRoute('admin.taxonomy.index')
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(TagPolicy).authorize('manage')
    const tag = await Tag.findOrFail(params.id)
    await DeleteTag.handle({ user: auth.getUserOrFail(), ip: request.ip() }, tag)
    session.flash('success', `Tag “${tag.name}” deleted.`)
    return response.redirect().toRoute('admin.taxonomy.index')
  }
}
