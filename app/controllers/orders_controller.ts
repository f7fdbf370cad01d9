import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import Cart from '#actions/shop/cart'
import Checkout from '#actions/shop/checkout'
import Ledger, { accounts } from '#ledger/ledger'
import OrderPolicy from '#policies/order_policy'
import WalletPolicy from '#policies/wallet_policy'
import { ORDER_STATUS_LABELS } from '#enums/shop'
import { readFilters } from '#validators/rules/filters'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * The member's orders, checkout (review the cart, then pay) and an order's
 * page, which follows the order live.
 */
export default class OrdersController {
  async index({ auth, request, view }: HttpContext) {
    const { filters } = await readFilters(listPageValidator, request.qs(), ['page'])
    const page = filters.page ?? 1
    const orders = await Order.ofBuyer(auth.use('web').getUserOrFail(), page, 20)
    orders.baseUrl(request.url())
    return view.render('pages/orders/index', { orders })
  }

  async create({ auth, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const [cart, wallet] = await Promise.all([
      Cart.of(user),
      Ledger.balances(accounts.wallet(user.id)),
    ])
    return view.render('pages/orders/create', { cart, balance: wallet.balance })
  }

  async store({ auth, response, session, bouncer }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('moveMoney')
    const order = await Checkout.handle(auth.use('web').getUserOrFail())
    session.flash('success', `Order placed: ${order.total.format()} was paid from your wallet.`)
    return response.redirect().toRoute('orders.show', { id: order.id })
  }

  async show({ auth, params, bouncer, view }: HttpContext) {
    const order = await Order.findWithDetailsOrFail(params.id)
    await bouncer.with(OrderPolicy).authorize('view', order)
    const user = auth.use('web').getUserOrFail()
    return view.render('pages/orders/show', {
      order,
      statusLabels: ORDER_STATUS_LABELS,
      cancellable: order.isBoughtBy(user) && order.isCancellableByBuyer(),
    })
  }
}
