import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ShopCategory from '#models/shop_category'
import ProductPolicy from '#policies/product_policy'
import SaveProduct from '#actions/shop/save_product'
import { catalogueProduct, productCatalogue } from '#models/product_catalogue'
import { readFilters } from '#validators/rules/filters'
import {
  PRODUCT_FILTER_KEYS,
  PRODUCT_STATES,
  PRODUCT_STATE_LABELS,
  productFiltersValidator,
  productFormValidator,
  productFromForm,
} from '#validators/shop_admin'

const PER_PAGE = 25

/**
 * The shop's catalogue (G1): the list, the product form, deleting a
 * product nobody ordered.
 */
export default class ProductsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const { query, filters, problems } = await readFilters(productFiltersValidator, request.qs(), [
      ...PRODUCT_FILTER_KEYS,
      'page',
    ])
    const products = await productCatalogue(filters).paginate(filters.page ?? 1, PER_PAGE)
    products.baseUrl(request.url()).queryString({ ...query, page: undefined })
    return view.render('pages/admin/shop/products/index', {
      products,
      query,
      filterErrors: problems,
      categories: await ShopCategory.query().withScopes((s) => s.ordered()),
      states: PRODUCT_STATES,
      stateLabels: PRODUCT_STATE_LABELS,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const categories = await ShopCategory.query().withScopes((s) => s.ordered())
    return view.render('pages/admin/shop/products/form', { product: null, categories })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const { data, image } = productFromForm(await request.validateUsing(productFormValidator))
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const product = await SaveProduct.create(actor, data, image)
    session.flash('success', `“${product.name}” is in the catalogue.`)
    return response.redirect().toRoute('admin.products.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await catalogueProduct(params.id)
    return view.render('pages/admin/shop/products/form', {
      product,
      categories: await ShopCategory.query().withScopes((s) => s.ordered()),
      hasOrders: Boolean(product.$extras.has_orders),
    })
  }

  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await Product.findOrFail(params.id)
    const { data, image } = productFromForm(await request.validateUsing(productFormValidator))
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    await SaveProduct.update(actor, product, data, image)
    session.flash('success', `“${data.name}” saved.`)
    return response.redirect().toRoute('admin.products.edit', { id: product.id })
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(ProductPolicy).authorize('manage')
    const product = await Product.findOrFail(params.id)
    await SaveProduct.destroy({ user: auth.getUserOrFail(), ip: request.ip() }, product)
    session.flash('success', `“${product.name}” deleted.`)
    return response.redirect().toRoute('admin.products.index')
  }
}
