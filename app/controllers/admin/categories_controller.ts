import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CategoryPolicy from '#policies/category_policy'
import SaveCategory from '#actions/taxonomy/save_category'
import { createCategoryValidator, updateCategoryValidator } from '#validators/taxonomy'

/**
 * Creating, renaming and ordering categories (I5).
 */
export default class CategoriesController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(CategoryPolicy).authorize('manage')
    const data = await request.validateUsing(createCategoryValidator)
    const category = await SaveCategory.create(
      { user: auth.getUserOrFail(), ip: request.ip() },
      data
    )
    session.flash('success', `Category “${category.name}” created.`)
    return response.redirect().toRoute('admin.taxonomy.index')
  }

  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(CategoryPolicy).authorize('manage')
    const category = await Category.findOrFail(params.id)
    const data = await request.validateUsing(updateCategoryValidator)
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const saved = await SaveCategory.update(actor, category, data)
    session.flash('success', `Category “${saved.name}” saved.`)
    return response.redirect().toRoute('admin.taxonomy.index')
  }
}
