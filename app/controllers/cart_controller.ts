import type { HttpContext } from '@adonisjs/core/http'
import Cart from '#actions/shop/cart'
import Ledger, { accounts } from '#ledger/ledger'
import { MAX_LINE_QUANTITY } from '#enums/shop'

/**
 * The member's cart: its lines at current prices, the total and the wallet
 * beside it.
 */
export default class CartController {
  async show({ auth, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const [cart, wallet] = await Promise.all([
      Cart.of(user),
      Ledger.balances(accounts.wallet(user.id)),
    ])
    return view.render('pages/shop/cart', {
      cart,
      balance: wallet.balance,
      maxQuantity: MAX_LINE_QUANTITY,
    })
  }
}
