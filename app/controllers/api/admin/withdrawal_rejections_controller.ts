import type { HttpContext } from '@adonisjs/core/http'
import RejectWithdrawal from '#actions/treasury/reject_withdrawal'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'
import { rejectWithdrawalValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TreasuryTransactionTransformer from '#transformers/treasury_transaction_transformer'

/**
 * POST /admin/withdrawals/:id/reject: refuse with a reason; the funds
 * return to the member.
 */
export default class WithdrawalRejectionsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const withdrawal = await Transaction.findWithdrawalOrFail(params.id)
    await bouncer.with(WithdrawalPolicy).authorize('reject', withdrawal)
    const data = await request.validateUsing(rejectWithdrawalValidator)
    const admin = auth.use('api').getUserOrFail()
    const rejected = await RejectWithdrawal.handle(
      { user: admin, ip: request.ip() },
      withdrawal,
      data
    )
    await rejected.load((loader) => loader.load('user').load('reviewedBy'))
    return serialize(TreasuryTransactionTransformer.transform(rejected), {
      message: 'Withdrawal rejected: the funds are back in the member’s wallet',
    })
  }
}
