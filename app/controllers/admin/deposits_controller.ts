import type { HttpContext } from '@adonisjs/core/http'
import DepositFunds from '#actions/treasury/deposit_funds'
import User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
import { depositValidator } from '#validators/wallet'

/**
 * The deposit form on the treasury page.
 */
export default class DepositsController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('viewTreasury')
    const { userId, username, ...data } = await request.validateUsing(depositValidator)
    const recipient = await User.findByOrFail(userId ? 'id' : 'username', userId ?? username)
    await bouncer.with(WalletPolicy).authorize('deposit', recipient)
    const admin = auth.use('web').getUserOrFail()
    const deposit = await DepositFunds.handle(
      { user: admin, ip: request.ip() },
      { recipient, ...data }
    )
    session.flash('success', `${deposit.amount.format()} credited to @${recipient.username}.`)
    return response.redirect().toRoute('admin.treasury.show')
  }
}
