import type { HttpContext } from '@adonisjs/core/http'
import RequestWithdrawal from '#actions/wallet/request_withdrawal'
import WalletPolicy from '#policies/wallet_policy'
import { requestWithdrawalValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TransactionTransformer from '#transformers/transaction_transformer'

/**
 * POST /wallet/withdraw: the amount is held until an admin decides.
 */
export default class WalletWithdrawalsController {
  async store({ auth, request, response, bouncer, idempotencyClaimId }: HttpContext) {
    const data = await request.validateUsing(requestWithdrawalValidator)
    await bouncer.with(WalletPolicy).authorize('withdraw')
    const withdrawal = await RequestWithdrawal.handle(auth.use('api').getUserOrFail(), data, {
      claimId: idempotencyClaimId,
    })
    response.status(201)
    return serialize(TransactionTransformer.transform(withdrawal), {
      message: 'Withdrawal requested: the amount is held until an admin reviews it',
    })
  }
}
