import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ShopCategory from '#models/shop_category'
import Cart from '#actions/shop/cart'
import { PRODUCT_SORTS, PRODUCT_SORT_LABELS } from '#enums/shop'
import { PRODUCT_FILTER_KEYS, productFiltersValidator } from '#validators/shop'
import { readFilters } from '#validators/rules/filters'

/**
 * The reward shop (G1): products by category, found by words, newest first
 * or by price.
 */
export default class ShopController {
  async index({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { query, filters, problems } = await readFilters(
      productFiltersValidator,
      request.qs(),
      PRODUCT_FILTER_KEYS
    )
    const [products, categories, cartCount] = await Promise.all([
      Product.browse(user, filters, filters.page ?? 1, 24),
      ShopCategory.query().withScopes((scopes) => scopes.ordered()),
      Cart.count(user),
    ])
    products.baseUrl(request.url()).queryString({ ...query, page: undefined })
    return view.render('pages/shop/index', {
      products,
      categories,
      cartCount,
      query,
      problems,
      sorts: PRODUCT_SORTS.map((value) => ({ value, label: PRODUCT_SORT_LABELS[value] })),
    })
  }
}
