import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import SaveProduct from '#actions/shop/save_product'
import { createProductValidator, updateProductValidator } from '#validators/shop_admin'
import { serialize } from '#transformers/envelope'
import AdminProductTransformer from '#transformers/admin_product_transformer'

/**
 * POST /admin/products, PUT /admin/products/:id (G1). Pictures are
 * uploaded from the admin pages.
 */
export default class ProductsController {
  async store({ auth, request, response, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const data = await request.validateUsing(createProductValidator)
    const actor = { user: auth.use('api').getUserOrFail(), ip: request.ip() }
    const product = await SaveProduct.create(actor, {
      ...data,
      lowStockThreshold: data.lowStockThreshold ?? null,
      categoryId: data.categoryId ?? null,
      active: data.active ?? true,
    })
    await product.load('category')
    return response.created(await serialize(AdminProductTransformer.transform(product)))
  }

  async update({ auth, params, request, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await Product.findOrFail(params.id)
    const data = await request.validateUsing(updateProductValidator)
    const actor = { user: auth.use('api').getUserOrFail(), ip: request.ip() }
    const saved = await SaveProduct.update(actor, product, data)
    await saved.load('category')
    return serialize(AdminProductTransformer.transform(saved))
  }
}
