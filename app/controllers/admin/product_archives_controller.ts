import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import SaveProduct from '#actions/shop/save_product'

/**
 * Archiving a product (G1): off the shelf for good, kept with its orders;
 * restoring puts it back in the working list.
 */
export default class ProductArchivesController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await Product.findOrFail(params.id)
    await SaveProduct.archive({ user: auth.getUserOrFail(), ip: request.ip() }, product, true)
    session.flash('success', `“${product.name}” archived: members no longer see it.`)
    return response.redirect().toRoute('admin.products.index')
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await Product.findOrFail(params.id)
    await SaveProduct.archive({ user: auth.getUserOrFail(), ip: request.ip() }, product, false)
    session.flash('success', `“${product.name}” restored to the catalogue.`)
    return response.redirect().toRoute('admin.products.edit', { id: product.id })
  }
}
