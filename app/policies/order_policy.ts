import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Order from '#models/order'
import type User from '#models/user'

/**
 * Who may see and change an order (docs/permissions.md "Shop"). A member's
 * orders are theirs alone: anyone else's is a 404, so nobody can tell it
 * exists. Leaders see and run every order.
 */
export default class OrderPolicy extends BasePolicy {
  view(user: User, order: Order): AuthorizerResponse {
    return order.isBoughtBy(user) || user.isAdmin || AuthorizationResponse.deny('Not found', 404)
  }

  /**
   * Its buyer or a Leader may ask; whether the order can still be
   * cancelled (PLACED for the buyer, before SHIPPED for a Leader) is
   * CancelOrder's answer under the order's lock (409 INVALID_TRANSITION,
   * by `order.isCancellableBy`). The buyer's order page offers the buyer's
   * cancel (`isCancellableByBuyer`); the admin orders page, the Leaders'.
   */
  cancel(user: User, order: Order): AuthorizerResponse {
    return this.view(user, order)
  }

  /**
   * Every member's orders, to fulfil them: the Leaders' (the admin orders
   * page and GET /admin/orders).
   */
  viewAll(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  /**
   * Confirming, shipping and delivering are the Leaders'.
   */
  changeStatus(user: User): AuthorizerResponse {
    return user.isAdmin || AuthorizationResponse.deny('Only Leaders change an order’s status', 403)
  }
}
