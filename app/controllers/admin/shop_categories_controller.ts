import type { HttpContext } from '@adonisjs/core/http'
import ShopCategory from '#models/shop_category'
import ShopCategoryPolicy from '#policies/shop_category_policy'
import SaveShopCategory from '#actions/shop/save_shop_category'
import { createShopCategoryValidator, updateShopCategoryValidator } from '#validators/shop_admin'

/**
 * The shop's categories (G1).
 */
export default class ShopCategoriesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(ShopCategoryPolicy).authorize('manage')
    const categories = await ShopCategory.query()
      .withScopes((s) => s.ordered())
      .withCount('products')
    return view.render('pages/admin/shop/categories/index', { categories })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ShopCategoryPolicy).authorize('manage')
    const data = await request.validateUsing(createShopCategoryValidator)
    const category = await SaveShopCategory.create(
      { user: auth.getUserOrFail(), ip: request.ip() },
      data
    )
    session.flash('success', `Category “${category.name}” created.`)
    return response.redirect().toRoute('admin.shop_categories.index')
  }

  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ShopCategoryPolicy).authorize('manage')
    const category = await ShopCategory.findOrFail(params.id)
    const data = await request.validateUsing(updateShopCategoryValidator)
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const saved = await SaveShopCategory.update(actor, category, data)
    session.flash('success', `Category “${saved.name}” saved.`)
    return response.redirect().toRoute('admin.shop_categories.index')
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ShopCategoryPolicy).authorize('manage')
    const category = await ShopCategory.findOrFail(params.id)
    await SaveShopCategory.destroy({ user: auth.getUserOrFail(), ip: request.ip() }, category)
    session.flash('success', `Category “${category.name}” deleted; its products are uncategorised.`)
    return response.redirect().toRoute('admin.shop_categories.index')
  }
}
