import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import Tag from '#models/tag'
import TagPolicy from '#policies/tag_policy'

/**
 * The taxonomy (I5): tags with how many bounties carry each, and the
 * categories in their order.
 */
export default class TaxonomyController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(TagPolicy).authorize('manage')
    const [tags, categories] = await Promise.all([
      Tag.query().withScopes((scopes) => scopes.withUsage()),
      Category.query()
        .withScopes((scopes) => scopes.ordered())
        .withCount('bounties'),
    ])
    return view.render('pages/admin/taxonomy/index', { tags, categories })
  }
}
