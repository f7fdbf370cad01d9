import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import WalletPolicy from '#policies/wallet_policy'
import Checkout from '#actions/shop/checkout'
import { serialize } from '#transformers/envelope'
import OrderTransformer from '#transformers/order_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * The caller's orders, and checkout (POST /orders, under Idempotency-Key).
 */
export default class OrdersController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const orders = await Order.ofBuyer(auth.use('api').getUserOrFail(), page, limit)
    return serialize(OrderTransformer.paginate(orders.all(), orders.getMeta()))
  }

  async store({ auth, response, bouncer, idempotencyClaimId }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('moveMoney')
    const order = await Checkout.handle(auth.use('api').getUserOrFail(), {
      claimId: idempotencyClaimId,
    })
    response.status(201)
    return serialize(OrderTransformer.transform(await Order.findWithItemsOrFail(order.id)), {
      message: 'Order placed and paid from your wallet',
    })
  }

  async show({ params, bouncer }: HttpContext) {
    const order = await Order.findWithItemsOrFail(params.id)
    await bouncer.with(OrderPolicy).authorize('view', order)
    return serialize(OrderTransformer.transform(order))
  }
}
