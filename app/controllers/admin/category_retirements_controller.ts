import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CategoryPolicy from '#policies/category_policy'
import SaveCategory from '#actions/taxonomy/save_category'

/**
 * Retiring a category (store) hides it from new bounties; reinstating it
 * (destroy) offers it again (I5).
 */
export default class CategoryRetirementsController {
  async store(ctx: HttpContext) {
    return this.retire(ctx, true)
  }

  async destroy(ctx: HttpContext) {
    return this.retire(ctx, false)
  }

  private async retire(
    { auth, params, request, response, session, bouncer }: HttpContext,
    retired: boolean
  ) {
    await bouncer.with(CategoryPolicy).authorize('manage')
    const category = await Category.findOrFail(params.id)
    await SaveCategory.retire({ user: auth.getUserOrFail(), ip: request.ip() }, category, retired)
    session.flash(
      'success',
      retired
        ? `“${category.name}” is retired: new bounties cannot use it, old ones keep it.`
        : `“${category.name}” is offered again.`
    )
    return response.redirect().toRoute('admin.taxonomy.index')
  }
}
