import type { HttpContext } from '@adonisjs/core/http'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import WalletPolicy from '#policies/wallet_policy'
import { requestWithdrawalValidator } from '#validators/wallet'

/**
 * The withdrawal form on the wallet page.
 */
export default class WalletWithdrawalsController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(requestWithdrawalValidator)
    await bouncer.with(WalletPolicy).authorize('withdraw')
    const withdrawal = await RequestWithdrawal.handle(auth.use('web').getUserOrFail(), data)
    session.flash(
      'success',
      `Withdrawal of ${withdrawal.amount.format()} requested. The amount is held until an admin reviews it.`
    )
    return response.redirect().toRoute('wallet.show')
  }
}
